// Client-safe shapes the server hands the canvas: plain data, no node code.

export interface CanvasCounts {
  /** Distinct runs that reached the node. */
  entered: number;
  /** Running customers whose latest step is here. */
  waitingNow: number;
  /** Finished runs that ended here. */
  exited: number;
}

export interface CanvasNodeView {
  id: string;
  type: string;
  icon: string;
  title: string;
  category: string;
  label: string | null;
  /** One line describing the config, e.g. "wait 2 days". */
  summary: string;
  /** Output ports in declaration order; React Flow handle ids are exactly these. */
  ports: string[];
  isTrigger: boolean;
  isExit: boolean;
  position: { x: number; y: number };
  problems: string[];
  counts: CanvasCounts | null;
  config: unknown;
}

export interface CanvasEdgeView {
  id: string;
  source: string;
  sourcePort: string;
  target: string;
  /** Whether to print the port on the edge (nodes with several ports). */
  showLabel: boolean;
}

export interface CanvasNoteView {
  id: string;
  text: string;
  position: { x: number; y: number };
}

export interface CanvasView {
  nodes: CanvasNodeView[];
  edges: CanvasEdgeView[];
  notes: CanvasNoteView[];
}
