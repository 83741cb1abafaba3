// Page object for signing in and out, and for who the header says is signed in.
import { expect, type Locator, type Page } from '@playwright/test';

export class SignInPage {
  readonly user: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.user = page.getByLabel('User name');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.error = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.user).toBeVisible();
  }

  /** Fills and sends the form where the page is now (the sign-in page, or where a redirect led). */
  async signIn(user: string, password: string): Promise<void> {
    await this.user.fill(user);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export class SignedInAs {
  readonly user: Locator;
  readonly role: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.user = page.getByTestId('signed-in-user');
    this.role = page.getByTestId('signed-in-role');
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }
}
