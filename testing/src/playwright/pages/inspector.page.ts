import { expect, type Locator, type Page } from '@playwright/test';

/** The inspector: the selected step's generated form (or the journey's settings). */
export class InspectorPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('inspector');
  }

  /** The field wrapper of a config key (`templateId`, `timeout`, `rules`, …) or `label`. */
  field(key: string): Locator {
    return this.root.locator(`[data-testid="field"][data-field="${key}"]`);
  }

  /** The inspector shows this node (after a click on the canvas or a drop). */
  async expectNode(nodeId: string): Promise<void> {
    await expect(this.root.locator(`[data-node-id="${nodeId}"]`)).toBeVisible();
  }

  async setLabel(label: string): Promise<void> {
    await this.field('label').getByRole('textbox').fill(label);
  }

  /** Fills a text-like field: text, event picker, template picker, attribute path, time. */
  async fill(key: string, value: string): Promise<void> {
    await this.field(key).locator('input').first().fill(value);
  }

  async value(key: string): Promise<string> {
    return this.field(key).locator('input').first().inputValue();
  }

  async setNumber(key: string, value: number): Promise<void> {
    await this.field(key).locator('input[type="number"]').first().fill(String(value));
  }

  /** An enum field: a segmented control (≤ 3 options) or a select. */
  async choose(key: string, option: string): Promise<void> {
    const field = this.field(key);
    const select = field.locator('select');
    if ((await select.count()) > 0) await select.first().selectOption(option);
    else await field.locator(`[data-option="${option}"]`).click();
  }

  async setDuration(
    key: string,
    amount: number,
    unit: 'minutes' | 'hours' | 'days',
  ): Promise<void> {
    const widget = this.field(key).getByTestId('duration');
    await widget.locator('input').fill(String(amount));
    await widget.locator('select').selectOption(unit);
  }

  /** Switches a discriminated union (e.g. wait: duration / until). */
  async setMode(mode: string): Promise<void> {
    await this.root.getByTestId('mode-switch').locator(`[data-option="${mode}"]`).click();
  }

  rule(index: number, key = 'rules'): Locator {
    return this.field(key).locator(`[data-testid="rule"][data-index="${index}"]`);
  }

  /** Sets one row of a condition builder (adding rows as needed). */
  async setRule(
    index: number,
    rule: { field: string; op: string; value?: string },
    key = 'rules',
  ): Promise<void> {
    const rows = this.field(key).getByTestId('rule');
    while ((await rows.count()) <= index) await this.field(key).getByTestId('add-rule').click();
    const row = this.rule(index, key);
    await row.locator('[data-part="field"]').fill(rule.field);
    await row.locator('[data-part="op"]').selectOption(rule.op);
    if (rule.value !== undefined) await row.locator('[data-part="value"]').fill(rule.value);
  }

  get armsTotal(): Locator {
    return this.root.getByTestId('arms-total');
  }

  get problems(): Locator {
    return this.root.getByTestId('node-problems');
  }

  async deleteNode(): Promise<void> {
    await this.root.getByTestId('delete-node').click();
  }
}
