import { expect, type Locator } from '@playwright/test';
import { BasePage } from './base-page';
import { InspectorPage } from './inspector.page';
import { PalettePage } from './palette.page';

export type PanelTab = 'inspector' | 'problems' | 'versions' | 'simulate';

/**
 * /journeys/:id — the journey editor: canvas (nodes, ports, edges), toolbar, header (save state,
 * publish), and the side panel's tabs. Locators are sync getters; gestures are async methods.
 */
export class CanvasEditorPage extends BasePage {
  readonly palette = new PalettePage(this.page);
  readonly inspector = new InspectorPage(this.page);

  get canvas(): Locator {
    return this.page.getByTestId('journey-canvas');
  }

  get nodes(): Locator {
    return this.page.getByTestId('canvas-node');
  }

  node(id: string): Locator {
    return this.page.locator(`[data-testid="canvas-node"][data-node-id="${id}"]`);
  }

  /** A node's output handle (`next`, `yes`, `timeout`, a cohort arm …). */
  port(nodeId: string, port: string): Locator {
    return this.node(nodeId).locator(
      `[data-testid="port"][data-handle-type="source"][data-port="${port}"]`,
    );
  }

  /** A node's input handle. */
  input(nodeId: string): Locator {
    return this.node(nodeId).locator('[data-testid="port"][data-handle-type="target"]');
  }

  get edges(): Locator {
    return this.page.getByTestId('canvas-edge');
  }

  /** The edge leaving `source` through `port`. */
  edge(source: string, port: string): Locator {
    return this.page.locator(
      `[data-testid="canvas-edge"][data-source-port="${port}"][data-edge-id^="${source}.${port}->"]`,
    );
  }

  /** The red badge on a node with compile problems (`data-count`: how many). */
  problemBadge(nodeId: string): Locator {
    return this.node(nodeId).getByTestId('node-problem-badge');
  }

  get panel(): Locator {
    return this.page.getByTestId('journey-panel');
  }

  tab(name: PanelTab): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  get problemList(): Locator {
    return this.page.getByTestId('problems');
  }

  get problems(): Locator {
    return this.problemList.getByTestId('problem');
  }

  problem(nodeId: string, code?: string): Locator {
    return this.problemList.locator(
      `[data-testid="problem"][data-node-id="${nodeId}"]${code ? `[data-code="${code}"]` : ''}`,
    );
  }

  get problemCount(): Locator {
    return this.page.getByTestId('problem-count');
  }

  get facts(): Locator {
    return this.page.getByTestId('compile-facts');
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  get publishButton(): Locator {
    return this.page.getByTestId('publish');
  }

  get publishReason(): Locator {
    return this.page.getByTestId('publish-reason');
  }

  get liveVersion(): Locator {
    return this.page.getByTestId('journey-live-version');
  }

  get draftState(): Locator {
    return this.page.getByTestId('draft-state');
  }

  get toasts(): Locator {
    return this.page.getByTestId('toast');
  }

  get runningCustomers(): Locator {
    return this.page.getByTestId('journey-running');
  }

  toolbar(button: 'undo' | 'redo' | 'auto-layout' | 'fit-view' | 'add-note'): Locator {
    return this.page.getByTestId(button);
  }

  async open(journeyId: string, version?: number): Promise<void> {
    await this.goto(`/journeys/${journeyId}${version ? `?version=${version}` : ''}`);
    await this.waitForCanvas();
  }

  /** Waits until React Flow has drawn (and measured) the canvas. */
  async waitForCanvas(): Promise<void> {
    await this.canvas.locator('.react-flow__viewport').waitFor();
    if ((await this.page.getByTestId('canvas-empty').count()) === 0) {
      await expect(this.nodes.first()).toBeVisible();
    }
  }

  async openTab(name: PanelTab): Promise<void> {
    await this.tab(name).click();
  }

  async selectNode(id: string): Promise<void> {
    await this.node(id).click();
    await this.inspector.expectNode(id);
  }

  /** Steps in the journey document (the canvas draws only the cards in view). */
  async nodeCount(): Promise<number> {
    return Number(await this.canvas.getAttribute('data-node-count'));
  }

  /** Edges in the journey document. */
  async edgeCount(): Promise<number> {
    return Number(await this.canvas.getAttribute('data-edge-count'));
  }

  /** Waits until the viewport stops moving (after a zoom-to-fit or centering animation). */
  async waitForStillViewport(): Promise<void> {
    const viewport = this.canvas.locator('.react-flow__viewport');
    let previous = '';
    await expect(async () => {
      const now = (await viewport.getAttribute('style')) ?? '';
      const still = now === previous;
      previous = now;
      expect(still).toBe(true);
    }).toPass({ intervals: [100, 100, 200, 400] });
  }

  /** Draws an edge with the mouse, from `source`'s output port to `target`'s input. */
  async connect(source: string, port: string, target: string): Promise<void> {
    await this.waitForStillViewport();
    const from = await this.port(source, port).boundingBox();
    const to = await this.input(target).boundingBox();
    if (!from || !to) throw new Error(`cannot see ${source}.${port} or ${target}'s input`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Drags a node by its header to `dx, dy` pixels away. */
  async dragNode(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} is not visible`);
    const x = box.x + box.width / 2;
    const y = box.y + 20;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Shortcuts act on the canvas, so focus leaves any inspector input first. */
  private async press(keys: string): Promise<void> {
    await this.page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });
    await this.page.keyboard.press(keys);
  }

  async undo(): Promise<void> {
    await this.press('ControlOrMeta+z');
  }

  async redo(): Promise<void> {
    await this.press('ControlOrMeta+Shift+z');
  }

  async copy(): Promise<void> {
    await this.press('ControlOrMeta+c');
  }

  async paste(): Promise<void> {
    await this.press('ControlOrMeta+v');
  }

  /** Clicks an empty spot of the canvas: clears the selection. */
  async clickEmptyCanvas(at = { x: 12, y: 200 }): Promise<void> {
    await this.canvas.locator('.react-flow__pane').click({ position: at });
  }

  async deleteSelection(): Promise<void> {
    await this.press('Delete');
  }

  async autoLayout(): Promise<void> {
    await this.toolbar('auto-layout').click();
  }

  /** Waits for autosave to reach the server. */
  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  }

  /** Publish → confirm; returns the version number the header then shows live. */
  async publish(publishedBy = 'e2e'): Promise<number> {
    await expect(this.publishButton).toBeEnabled();
    await this.publishButton.click();
    const dialog = this.page.getByTestId('publish-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('publish-by').fill(publishedBy);
    await dialog.getByTestId('publish-confirm').click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    const text = (await this.liveVersion.textContent()) ?? '';
    return Number(text.replace(/^v/, ''));
  }
}
