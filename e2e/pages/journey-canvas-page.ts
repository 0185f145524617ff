import type { Locator } from '@playwright/test';
import { BasePage } from './base-page';

/** /journeys/:id: the read-only React Flow canvas and its side panel. */
export class JourneyCanvasPage extends BasePage {
  get canvas(): Locator {
    return this.page.getByTestId('journey-canvas');
  }

  get nodes(): Locator {
    return this.page.getByTestId('canvas-node');
  }

  node(id: string): Locator {
    return this.page.locator(`[data-testid="canvas-node"][data-node-id="${id}"]`);
  }

  nodesOfType(type: string): Locator {
    return this.page.locator(`[data-testid="canvas-node"][data-node-type="${type}"]`);
  }

  get edges(): Locator {
    return this.page.getByTestId('canvas-edge');
  }

  get panel(): Locator {
    return this.page.getByTestId('journey-panel');
  }

  get problems(): Locator {
    return this.panel.getByTestId('compile-problem');
  }

  get facts(): Locator {
    return this.panel.getByTestId('compile-facts');
  }

  get runningCustomers(): Locator {
    return this.page.getByTestId('journey-running');
  }

  async open(journeyId: string): Promise<void> {
    await this.goto(`/journeys/${journeyId}`);
    await this.waitForCanvas();
  }

  /** Waits until React Flow has drawn the nodes and edges. */
  async waitForCanvas(): Promise<void> {
    await this.nodes.first().waitFor();
    await this.edges.first().waitFor({ state: 'attached' });
  }

  async selectNode(id: string): Promise<void> {
    await this.node(id).click();
  }
}
