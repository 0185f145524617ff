import { expect, type Locator, type Page } from '@playwright/test';
import { BasePage } from './base-page';

export interface ScriptedEvent {
  day: number;
  type: string;
  properties?: Record<string, unknown>;
}

/**
 * The editor's Simulate tab: sample customer, entry event, scripted events, Run; then the
 * timeline (`sim-row`: `data-node-id`, `data-day`, `data-kind`) and the path lit on the canvas
 * (`data-sim-visited` on `canvas-node` and `canvas-edge`).
 */
export class SimulatePanelPage extends BasePage {
  constructor(page: Page) {
    super(page);
  }

  get tab(): Locator {
    return this.page.getByTestId('tab-simulate');
  }

  get root(): Locator {
    return this.page.getByTestId('simulate');
  }

  get customerPreset(): Locator {
    return this.root.getByLabel('Sample customer');
  }

  get customerJson(): Locator {
    return this.root.getByTestId('simulate-customer-json');
  }

  get entryType(): Locator {
    return this.root.getByLabel('Entry event', { exact: true });
  }

  get entryProperties(): Locator {
    return this.root.getByTestId('simulate-entry-properties');
  }

  get events(): Locator {
    return this.root.getByTestId('sim-event');
  }

  get runButton(): Locator {
    return this.root.getByTestId('simulate-run');
  }

  get error(): Locator {
    return this.root.getByTestId('simulate-error');
  }

  get fieldErrors(): Locator {
    return this.root.getByTestId('simulate-field-error');
  }

  get result(): Locator {
    return this.root.getByTestId('simulate-result');
  }

  /** The exit line (`data-exit-reason`, `data-exit-node`). */
  get exit(): Locator {
    return this.root.getByTestId('simulate-exit');
  }

  get rows(): Locator {
    return this.root.getByTestId('sim-row');
  }

  /** The timeline row of a node: `step` (it moved on), `wait` (it started waiting) or `exit`. */
  row(nodeId: string, kind: 'step' | 'wait' | 'exit' = 'step'): Locator {
    return this.root.locator(
      `[data-testid="sim-row"][data-node-id="${nodeId}"][data-kind="${kind}"]`,
    );
  }

  /** The messages a row would send (`data-template-id`, `data-channel`). */
  messages(row: Locator): Locator {
    return row.getByTestId('sim-message');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.root).toBeVisible();
  }

  async chooseCustomer(label: string): Promise<void> {
    await this.customerPreset.selectOption({ label });
  }

  /** Replaces the customer with raw JSON text (valid or not: the panel checks it). */
  async editCustomer(text: string): Promise<void> {
    if (!(await this.customerJson.isVisible())) {
      await this.root.getByText('Edit the customer as JSON').click();
    }
    await this.customerJson.fill(text);
  }

  async setEntry(type: string, properties?: Record<string, unknown>): Promise<void> {
    await this.entryType.fill(type);
    if (properties) {
      if (!(await this.entryProperties.isVisible())) {
        await this.root.getByText('Event properties (JSON)').click();
      }
      await this.entryProperties.fill(JSON.stringify(properties));
    }
  }

  /** Replaces the scripted events with `events` (day, type and, if given, properties). */
  async setEvents(events: ScriptedEvent[]): Promise<void> {
    while ((await this.events.count()) > 0) {
      await this.events.first().getByTestId('sim-event-remove').click();
    }
    for (const [i, event] of events.entries()) {
      await this.root.getByTestId('sim-event-add').click();
      const row = this.events.nth(i);
      await row.getByLabel(`Event ${i + 1}: day after entry`).fill(String(event.day));
      await row.getByLabel(`Event ${i + 1}: type`).fill(event.type);
      if (event.properties) {
        await row.getByTestId('sim-event-properties').fill(JSON.stringify(event.properties));
      }
    }
  }

  /** Run; waits for the timeline (or an error) to appear. */
  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.result.or(this.error)).toBeVisible({ timeout: 20_000 });
    await expect(this.runButton).toBeEnabled();
  }

  async clear(): Promise<void> {
    await this.root.getByTestId('simulate-clear').click();
  }
}
