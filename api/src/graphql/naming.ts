/** GraphQL name of the object field that follows a reference: actorId → actor, memberIds → members. */
export function referenceFieldName(idField: string): string {
  if (idField.endsWith('Ids')) return `${idField.slice(0, -3)}s`;
  if (idField.endsWith('Id')) return idField.slice(0, -2);
  throw new Error(`reference field ${idField} must end with Id or Ids`);
}
