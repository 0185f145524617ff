import { expect, type Locator, type Page } from '@playwright/test';

/** The node palette of the journey editor: search, and drag a node type onto the canvas. */
export class PalettePage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('palette');
  }

  get search(): Locator {
    return this.root.getByTestId('palette-search');
  }

  get items(): Locator {
    return this.root.getByTestId('palette-item');
  }

  item(type: string): Locator {
    return this.root.locator(`[data-testid="palette-item"][data-node-type="${type}"]`);
  }

  async filter(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /**
   * Drags a node type from the palette onto the canvas with the mouse (a real HTML5 drag) and
   * drops it at `at`, relative to the canvas's top-left corner. Returns the new node's id.
   */
  async dragToCanvas(type: string, at: { x: number; y: number }): Promise<string> {
    const nodes = this.page.getByTestId('canvas-node');
    const before = new Set(
      await nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-node-id') ?? '')),
    );
    const canvas = await this.page.getByTestId('journey-canvas').boundingBox();
    if (!canvas) throw new Error('the canvas is not visible');
    await this.item(type).hover();
    await this.page.mouse.down();
    await this.page.mouse.move(canvas.x + at.x, canvas.y + at.y, { steps: 8 });
    await this.page.mouse.up();
    await expect(nodes).toHaveCount(before.size + 1);
    const after = await nodes.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-node-id') ?? ''),
    );
    const added = after.find((id) => !before.has(id));
    if (!added) throw new Error(`no node appeared after dropping ${type}`);
    return added;
  }
}
