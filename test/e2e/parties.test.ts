import { describe, expect, it } from 'vitest';
import { useE2e } from './harness';

const e = useE2e();

describe('Customers and vendors screen in Chromium', () => {
  it('shows a bad email beside the email field, creates nothing, then creates the customer once fixed', async () => {
    const page = await e.open('parties', 'Customers and vendors');
    await page.getByRole('button', { name: 'New customer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New customer' });
    await dialog.getByLabel('Display name').fill('Harbor Tools');
    await dialog.getByLabel('Email').fill('orders-at-harbor');
    await dialog.getByLabel('Billing address: Street', { exact: true }).fill('1 Quay Road');
    await dialog.getByLabel('Billing address: City').fill('Portsmouth');
    await dialog.getByLabel('Email').press('Enter');

    const emailField = dialog.locator('label.field', { has: page.locator('input[name=email]') });
    await emailField.getByRole('alert').filter({ hasText: 'Enter an email address like name@example.com.' }).waitFor();
    expect(await emailField.getByRole('alert').textContent()).not.toContain('email:');
    expect(await dialog.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await e.shot(page, 'customer-bad-email');
    expect((await e.call('customers.list', { search: 'Harbor' })).total).toBe(0);

    await dialog.getByLabel('Email').fill('orders@harbor.example');
    await dialog.getByLabel('Email').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const detail = page.getByRole('complementary', { name: 'Harbor Tools' });
    await detail.getByText('orders@harbor.example').waitFor();
    await detail.getByText('1 Quay Road').waitFor();
    await page.getByRole('table', { name: 'Customers' }).getByRole('row', { name: /Harbor Tools/ }).waitFor();
    await e.shot(page, 'customer-created');
    const stored = await e.call('customers.list', { search: 'Harbor' });
    expect(stored.rows[0]).toMatchObject({ displayName: 'Harbor Tools', email: 'orders@harbor.example' });
    expect(stored.rows[0]?.billingAddress).toMatchObject({ line1: '1 Quay Road', city: 'Portsmouth' });
    await page.close();
  });
});
