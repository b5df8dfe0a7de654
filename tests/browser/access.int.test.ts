import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSignInLink, createUser, grantRole } from '@trame/graph';
import { screenshotPath } from '../support/browser.ts';
import { uniqueId } from '../support/graph.ts';
import { useBrowserApp } from '../support/app.ts';

// Signing in and roles in the web app, driven like a person would, on the demo map (loaded by the
// global setup). Each test creates its own accounts (unique e-mails) with the domain's functions.

const t = useBrowserApp();

const PASSWORD = 'une phrase de passe assez longue';

/** A new account with a password and, optionally, one role. */
async function account(name: string, role?: { role: 'PILOTE' | 'RELECTEUR'; projectId?: string; territoryId?: string }) {
  const email = `${uniqueId('personne')}@ville-exemple.fr`;
  const user = await createUser(t.graph, { email, name, password: PASSWORD });
  if (role) await grantRole(t.graph, { userId: user.id, ...role, by: 'system' });
  return { ...user, email };
}

/** Fills the sign-in form and submits it. */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

describe('signing in', () => {
  it('a pilot sent to the sign-in page signs in with a password (wrong, then right), lands back on the map, and signs out', async () => {
    const pilot = await account('Camille Pilote', { role: 'PILOTE', projectId: 'prj-marche' });
    const page = await t.newPage({ width: 1440, height: 900, signedIn: false });

    // Nobody signed in: the map sends to the sign-in page, which remembers where to come back.
    await page.goto(`${t.base}/projets/prj-marche`);
    await page.waitForURL(/\/connexion\?retour=/);
    expect(await page.locator('h1').textContent()).toBe('Connexion à Trame');

    await signIn(page, pilot.email, 'pas le bon mot de passe');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(page.url()).toContain('/connexion');
    await page.screenshot({ path: screenshotPath('access-sign-in'), fullPage: false });

    await signIn(page, pilot.email, PASSWORD);
    await page.waitForURL(`${t.base}/projets/prj-marche`);
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
    // The header names who is signed in; a pilot of this project may edit it.
    const menu = page.getByRole('navigation', { name: 'Mon compte' });
    expect(await menu.getByRole('link', { name: /Camille Pilote/ }).count()).toBe(1);
    await page
      .getByRole('toolbar')
      .getByRole('button', { name: /Nouvelle relation/ })
      .waitFor();

    await menu.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${t.base}/connexion`);
    // The session is over: the map asks to sign in again.
    await page.goto(`${t.base}/projets/prj-marche`);
    await page.waitForURL(/\/connexion\?retour=/);
    await page.close();
  });
});

describe('roles in the editor', () => {
  it('a one-time link’s newcomer who reloads the page before choosing a password is still offered to choose one', async () => {
    const email = `${uniqueId('nouveau')}@ville-exemple.fr`;
    const user = await createUser(t.graph, { email, name: 'Camille Nouvelle' });
    const { token } = await createSignInLink(t.graph, user.id);
    const page = await t.newPage({ signedIn: false });
    await page.goto(`${t.base}/connexion?jeton=${token}`);
    await page.getByText('Bienvenue, Camille Nouvelle. Choisissez maintenant votre mot de passe.').waitFor();
    // The link is spent; the session it opened is not. After a reload the choice is still there.
    await page.reload();
    await page.getByRole('heading', { name: 'Choisissez votre mot de passe' }).waitFor();
    expect(await page.getByLabel('Mot de passe actuel').count()).toBe(0);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.waitForURL(`${t.base}/`);
    // Chosen: the account page now asks for it to change it.
    await page.goto(`${t.base}/compte`);
    await page.getByLabel('Mot de passe actuel').waitFor();
    await page.close();
  });

  it('a relecteur reads the map and finds no editing action', async () => {
    const { territory } = (
      await t.gql<{ project: { territory: { id: string } } }>('query { project(id: "prj-marche") { territory { id } } }')
    ).data!.project;
    const reviewer = await account('Dominique Relecteur', { role: 'RELECTEUR', territoryId: territory.id });
    const page = await t.newPage({ signedIn: false });
    await page.goto(`${t.base}/connexion?retour=%2Fprojets%2Fprj-marche`);
    await signIn(page, reviewer.email, PASSWORD);
    await page.waitForURL(`${t.base}/projets/prj-marche`);
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();

    await page.getByText('Lecture seule : votre rôle ne permet pas de modifier ce projet.').waitFor();
    const toolbar = page.getByRole('toolbar');
    expect(await toolbar.getByRole('button', { name: /Nouvelle relation/ }).count()).toBe(0);
    expect(await toolbar.getByRole('button', { name: /Importer/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Liens muraux' }).count()).toBe(0);
    // Nothing to add either: the side panel's « Ajouter » menu is empty.
    expect(await page.locator('aside.side-panel').getByRole('button', { name: 'Acteur' }).count()).toBe(0);
    await page.close();
  });
});
