import {
  type FocusChangeEvent,
  type PropName,
  type PropValue,
  type SceneOp,
  type SceneProps,
  setPropOp,
} from '../../bridge/index.ts';

const RAILS = 6;
const TILES = 16;
const TILE_WIDTH = 300;
const TILE_GAP = 24;
const RAIL_TOP = 60; // inside the rail viewport below the hero
const RAIL_HEIGHT = 210;
const TILE_COLOR = '#2b3a55';
const FOCUSED_TILE_COLOR = '#e8b04a';

/**
 * A small stand-in "world" for the playground: it builds a home screen of rails out of scene
 * ops and answers focus events with more ops (highlight the tile, scroll its rail, update the
 * hero), exactly as a React or WASM page will. Ids are allocated here, as each world does.
 */
export class CatalogScene {
  private nextId = 1;
  private readonly heroTitle: number;
  /** Holds every rail; moved up so the focused rail stays on screen. */
  private readonly railStack: number;
  private readonly railIds: number[] = [];
  private readonly tileIds = new Map<string, { id: number; rail: number; index: number }>();

  readonly initialOps: SceneOp[] = [];

  constructor() {
    const ops = this.initialOps;
    const page = this.node(ops, 'view', 0, {
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
      backgroundColor: '#0d1117',
    });
    const hero = this.node(ops, 'view', page, {
      x: 80,
      y: 60,
      width: 1760,
      height: 300,
      backgroundColor: '#161b22',
      borderRadius: 12,
    });
    this.node(ops, 'text', hero, {
      x: 40,
      y: 40,
      width: 1600,
      height: 40,
      text: 'Ficus playground',
      fontSize: 28,
      color: '#8b949e',
    });
    this.heroTitle = this.node(ops, 'text', hero, {
      x: 40,
      y: 100,
      width: 1600,
      height: 80,
      text: '',
      fontSize: 64,
      fontWeight: 'bold',
      color: '#ffffff',
    });
    this.node(ops, 'text', hero, {
      x: 40,
      y: 200,
      width: 1600,
      height: 40,
      fontSize: 24,
      color: '#8b949e',
      text: 'Arrow keys move focus (rails remember their tile). This page exercises the scene store, focus engine and DOM painter.',
    });
    const railViewport = this.node(ops, 'view', page, { x: 0, y: 380, width: 1920, height: 700, clip: true });
    this.railStack = this.node(ops, 'view', railViewport, { x: 0, y: 0, width: 1920, height: 700 });
    for (let rail = 0; rail < RAILS; rail++) {
      this.node(ops, 'text', this.railStack, {
        x: 80,
        y: RAIL_TOP + rail * RAIL_HEIGHT - 44,
        width: 800,
        height: 36,
        text: `Rail ${rail + 1}`,
        fontSize: 28,
        color: '#c9d1d9',
      });
      // The clip is taller than the tiles so the focus ring drawn around a tile is not cut off.
      const clip = this.node(ops, 'view', this.railStack, {
        x: 0,
        y: RAIL_TOP + rail * RAIL_HEIGHT - 8,
        width: 1920,
        height: 186,
        clip: true,
      });
      const row = this.node(ops, 'view', clip, {
        x: 80,
        y: 8,
        width: TILES * (TILE_WIDTH + TILE_GAP),
        height: 170,
        focusGroup: true,
      });
      this.railIds.push(row);
      for (let index = 0; index < TILES; index++) {
        const focusKey = `rail${rail}-tile${index}`;
        const tile = this.node(ops, 'view', row, {
          x: index * (TILE_WIDTH + TILE_GAP),
          y: 0,
          width: TILE_WIDTH,
          height: 170,
          backgroundColor: TILE_COLOR,
          borderRadius: 8,
          focusKey,
        });
        this.node(ops, 'text', tile, {
          x: 16,
          y: 120,
          width: TILE_WIDTH - 32,
          height: 36,
          text: `Title ${rail * TILES + index + 1}`,
          fontSize: 26,
          color: '#ffffff',
          maxLines: 1,
        });
        this.tileIds.set(focusKey, { id: tile, rail, index });
      }
    }
  }

  /** The world's answer to a focus change: highlight, keep the tile in view, show it in the hero. */
  onFocusChange(event: FocusChangeEvent): SceneOp[] {
    const tile = this.tileIds.get(event.focusKey);
    if (tile === undefined) return [];
    if (event.type === 'blur')
      return [{ op: 'setProp', id: tile.id, name: 'backgroundColor', value: TILE_COLOR }];
    const rowId = this.railIds[tile.rail];
    const scroll = Math.max(0, tile.index - 3) * (TILE_WIDTH + TILE_GAP);
    const ops: SceneOp[] = [
      { op: 'setProp', id: tile.id, name: 'backgroundColor', value: FOCUSED_TILE_COLOR },
      {
        op: 'setProp',
        id: this.heroTitle,
        name: 'text',
        value: `Title ${tile.rail * TILES + tile.index + 1}`,
      },
    ];
    if (rowId !== undefined) ops.push({ op: 'setProp', id: rowId, name: 'x', value: 80 - scroll });
    ops.push({
      op: 'setProp',
      id: this.railStack,
      name: 'y',
      value: -Math.max(0, tile.rail - 1) * RAIL_HEIGHT,
    });
    return ops;
  }

  private node(ops: SceneOp[], kind: 'view' | 'text', parent: number, props: Partial<SceneProps>): number {
    const id = this.nextId++;
    ops.push({ op: 'create', id, kind });
    for (const [name, value] of Object.entries(props) as Array<[PropName, PropValue]>) {
      ops.push(setPropOp(id, name, value));
    }
    ops.push({ op: 'append', parent, child: id });
    return id;
  }
}
