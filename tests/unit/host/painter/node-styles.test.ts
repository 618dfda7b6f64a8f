import { describe, expect, it } from 'vitest';
import { nodeStyle } from '../../../../host/painter/node-styles.ts';

describe('nodeStyle', () => {
  it('places a node at its parent-relative origin even with no props', () => {
    expect(nodeStyle('view', {})).toEqual({ left: '0px', top: '0px' });
  });

  it('maps box props to CSS', () => {
    expect(
      nodeStyle('view', {
        x: 10,
        y: -20,
        width: 300,
        height: 200,
        backgroundColor: '#112233',
        opacity: 0.5,
        zIndex: 3,
        clip: true,
        borderRadius: 8,
        borderWidth: 2,
        borderColor: '#ffffff80',
      }),
    ).toEqual({
      left: '10px',
      top: '-20px',
      width: '300px',
      height: '200px',
      'background-color': '#112233',
      opacity: '0.5',
      'z-index': '3',
      overflow: 'hidden',
      'border-radius': '8px',
      'border-style': 'solid',
      'border-width': '2px',
      'border-color': '#ffffff80',
    });
  });

  it('does not clip when clip is false', () => {
    expect(nodeStyle('view', { clip: false }).overflow).toBeUndefined();
  });

  it('maps text props, with a one-line ellipsis for maxLines 1', () => {
    expect(
      nodeStyle('text', {
        color: '#fff',
        fontSize: 32,
        fontWeight: 'bold',
        textAlign: 'center',
        maxLines: 1,
      }),
    ).toMatchObject({
      color: '#fff',
      'font-size': '32px',
      'font-weight': 'bold',
      'text-align': 'center',
      overflow: 'hidden',
      'white-space': 'nowrap',
      'text-overflow': 'ellipsis',
    });
  });

  it('clamps several lines with -webkit-line-clamp', () => {
    const style = nodeStyle('text', { maxLines: 3 });
    expect(style).toMatchObject({
      display: '-webkit-box',
      '-webkit-box-orient': 'vertical',
      '-webkit-line-clamp': '3',
      overflow: 'hidden',
    });
    expect(style['white-space']).toBeUndefined();
  });

  it('maps image fit to object-fit', () => {
    expect(nodeStyle('image', { fit: 'cover' })['object-fit']).toBe('cover');
  });
});

describe('nodeStyle: visible', () => {
  it('hides a node with visible=false, even a clamped text, and shows it otherwise', () => {
    expect(nodeStyle('view', { visible: false }).display).toBe('none');
    expect(nodeStyle('text', { visible: false, maxLines: 3 }).display).toBe('none');
    expect(nodeStyle('view', { visible: true }).display).toBeUndefined();
  });
});

describe('nodeStyle for a container that moves', () => {
  it('places it with translate on its own layer instead of left/top', () => {
    expect(nodeStyle('view', { x: 10, y: -20 }, { moves: true })).toEqual({
      left: '0px',
      top: '0px',
      translate: '10px -20px',
      'will-change': 'transform',
    });
  });
});

describe('nodeStyle for motion', () => {
  it('places a node that animates its position by translate (what its animation runs on), with no layer of its own', () => {
    expect(nodeStyle('view', { x: 10, animate: 1 }, { translated: true })).toEqual({
      left: '0px',
      top: '0px',
      translate: '10px 0px',
    });
  });

  it('scales with the CSS scale property (about the center), and leaves it unset without scale', () => {
    expect(nodeStyle('view', { scale: 1.08 }).scale).toBe('1.08');
    expect(nodeStyle('view', {}).scale).toBeUndefined();
  });
});
