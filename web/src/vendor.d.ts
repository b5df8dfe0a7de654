// Cytoscape extensions that ship no type declarations.
declare module 'cytoscape-edgehandles' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module 'cytoscape-svg' {
  const ext: cytoscape.Ext;
  export default ext;
}
