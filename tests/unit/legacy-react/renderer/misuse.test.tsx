import { Component, type ComponentType, type ReactNode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { PageCrashed } from '../../../../bridge/index.ts';
import { Image, Text, type TextProps, View } from '../../../../legacy-react/index.ts';
import { createLegacyHarness, type LegacyHarness } from '../../../support/legacy-harness.ts';
import { expectWorldKeptToItself, shownTexts } from './world-checks.ts';

// Pages written the way a developer gets it wrong. TypeScript already rejects some of them (marked
// with @ts-expect-error); the runtime must still explain the fix, for plain JS and `as` casts.

function RawTextInView() {
  return (
    <View x={0} y={0} width={400} height={60}>
      Hello
    </View>
  );
}

function NumberInView() {
  const count = 3;
  return (
    <View x={0} y={0} width={400} height={60}>
      {count}
    </View>
  );
}

function PageReturningText() {
  return 'Loading...';
}

/** Text as a plain-JS page sees it: TextProps rejects element children, so loosen it. */
const UntypedText = Text as unknown as ComponentType<Omit<TextProps, 'children'> & { children?: ReactNode }>;

function ElementInText() {
  return (
    <UntypedText x={0} y={0} width={400} height={40} focusKey="rating">
      Rating: <View width={20} height={20} backgroundColor="#ffcc00" />
    </UntypedText>
  );
}

function OnClick() {
  return (
    <View
      x={0}
      y={0}
      width={200}
      height={80}
      focusKey="play"
      // @ts-expect-error onClick is a DOM habit; Ficus has onSelect
      onClick={() => undefined}
    />
  );
}

function LowercaseProp() {
  return (
    <View
      width={200}
      height={80}
      // @ts-expect-error misspelt prop
      backgroundcolor="#000000"
    />
  );
}

function StyleProp() {
  return (
    <View
      // @ts-expect-error no style objects in the scene
      style={{ width: 200, height: 80 }}
    />
  );
}

function BadOpacity() {
  return <View width={200} height={80} opacity={2} />;
}

function BadColor() {
  return (
    <Text width={200} height={40} color="red">
      Hi
    </Text>
  );
}

function BadAnimate() {
  return (
    <View
      width={1920}
      height={200}
      focusKey="rail"
      // @ts-expect-error width is not an animatable prop
      animate={['x', 'width']}
    />
  );
}

function BadBoundary() {
  return (
    <View
      width={1920}
      height={200}
      focusKey="rail"
      // @ts-expect-error not a direction
      boundary={['sideways']}
    />
  );
}

function DomElement() {
  return <div />;
}

function ImageWithChildren() {
  return (
    // @ts-expect-error Image takes no children
    <Image width={300} height={170} src="https://img.test/poster.jpg">
      <View width={300} height={40} backgroundColor="#000000" />
    </Image>
  );
}

function TextProp() {
  return (
    <Text
      width={200}
      height={40}
      // @ts-expect-error Text takes its text as children
      text="Hello"
    />
  );
}

function Working() {
  const [count, setCount] = useState(0);
  return (
    <View x={100} y={100} width={300} height={100} focusKey="working" onSelect={() => setCount((c) => c + 1)}>
      <Text width={300} height={40}>
        Selected {count} times
      </Text>
    </View>
  );
}

/** The start of the accepted-props list in an unknown-prop error (the full list grows with features). */
const VIEW_ACCEPTS = 'View accepts: x, y, width, height, backgroundColor, opacity,';

const cases: Array<[string, ComponentType, string]> = [
  [
    'raw text inside a View',
    RawTextInView,
    'Text "Hello" must be rendered inside <Text>, e.g. <Text>Hello</Text>',
  ],
  ['a number inside a View', NumberInView, 'Text "3" must be rendered inside <Text>, e.g. <Text>3</Text>'],
  [
    'a page returning a string',
    PageReturningText,
    'Text "Loading..." must be rendered inside <Text>, e.g. <Text>Loading...</Text>',
  ],
  [
    'an element inside a Text',
    ElementInText,
    '<Text focusKey="rating"> can only contain text: render other elements next to it inside a <View>, not inside the <Text>',
  ],
  [
    'onClick',
    OnClick,
    `Unknown prop "onClick" on <View focusKey="play">. Did you mean onSelect? ${VIEW_ACCEPTS}`,
  ],
  [
    'a prop in the wrong case',
    LowercaseProp,
    `Unknown prop "backgroundcolor" on <View>. Did you mean backgroundColor? ${VIEW_ACCEPTS}`,
  ],
  [
    'a style object',
    StyleProp,
    'Unknown prop "style" on <View>. Did you mean the individual props (x, y, width, backgroundColor, ...)?',
  ],
  ['opacity above 1', BadOpacity, 'Invalid opacity on <View>: expected a finite number from 0 to 1, got 2'],
  [
    'a named CSS color',
    BadColor,
    'Invalid color on <Text>: expected a color like #1a2b3c, #1a2b3c80 or transparent, got "red"',
  ],
  [
    'a prop animate cannot animate',
    BadAnimate,
    `Invalid animate on <View focusKey="rail">: expected 'all' or a list of x, y, opacity, scale, e.g. animate={['x', 'scale']}`,
  ],
  [
    'an unknown boundary direction',
    BadBoundary,
    `Invalid boundary on <View focusKey="rail">: expected 'all' or a list of up, down, left, right, e.g. boundary={['left', 'right']}`,
  ],
  [
    'a DOM element',
    DomElement,
    '<div> is not a Ficus primitive: the React world draws only View, Text and Image (import them from legacy-react), never DOM elements',
  ],
  [
    'children on an Image',
    ImageWithChildren,
    '<Image> cannot have children: put the image and its overlay inside a <View>',
  ],
  [
    'a text prop on Text',
    TextProp,
    'Unknown prop "text" on <Text>. Did you mean children, e.g. <Text>Hello</Text>?',
  ],
];

function crashes(h: LegacyHarness): PageCrashed[] {
  return h.messages.flatMap((m) => (m.type === 'crashed' ? [m] : []));
}

/** After a crash the world still serves pages: mount one, drive it, see its update. */
async function expectWorldStillWorks(h: LegacyHarness) {
  h.mount('working');
  expect(h.focus.focusByKey('working')).toBe(true);
  h.select();
  await h.settle();
  expect(shownTexts(h)).toEqual(['Selected 1 times']);
  expectWorldKeptToItself(h);
}

describe('misuse while mounting is reported as a crash that names the fix', () => {
  it.each(cases)('%s', async (_name, Page, fix) => {
    const h = createLegacyHarness({ broken: Page, working: Working });
    // mount() itself does not throw: React reports the render error to the world, which sends `crashed`.
    expect(() => h.mount('broken')).not.toThrow();

    const [crash, ...more] = crashes(h);
    expect(more).toEqual([]);
    expect(crash?.page).toBe('broken');
    expect(crash?.phase).toBe('mount');
    expect(crash?.message).toContain(fix);
    expect(crash?.stderr).toMatch(/^PrimitiveUsageError: /);

    // Nothing half-drawn remains: the page layer is gone and the page is no longer mounted.
    expect(h.world.mountedKeys).toEqual([]);
    expect(h.store.size('legacy')).toBe(1);
    expect(h.messages.at(-1)).toEqual({
      type: 'scene.ops',
      page: 'broken',
      ops: [expect.objectContaining({ op: 'remove' })],
    });
    expectWorldKeptToItself(h);

    await expectWorldStillWorks(h);
  });

  it('the accepted-props list of a Text names its text props, and never `text`', () => {
    function TextOnClick() {
      return (
        <Text
          width={10}
          height={10}
          // @ts-expect-error DOM habit
          onClick={() => undefined}
        >
          x
        </Text>
      );
    }
    const h = createLegacyHarness({ broken: TextOnClick });
    h.mount('broken');
    const message = crashes(h)[0]?.message ?? '';
    expect(message).toMatch(
      /^Unknown prop "onClick" on <Text>\. Did you mean onSelect\? Text accepts: x, y, width, height, /,
    );
    const accepted = (message.split('Text accepts: ')[1] ?? '').replace(/\.$/, '').split(', ');
    expect(accepted).toEqual(
      expect.arrayContaining([
        'color',
        'fontSize',
        'fontWeight',
        'textAlign',
        'maxLines',
        'onSelect',
        'children',
      ]),
    );
    expect(accepted).not.toContain('text');
    expect(accepted).not.toContain('src');
  });

  it('a prop of another primitive is unknown on this one', () => {
    function SrcOnView() {
      return (
        <View
          width={10}
          height={10}
          // @ts-expect-error src belongs to Image
          src="https://img.test/a.jpg"
        />
      );
    }
    const h = createLegacyHarness({ broken: SrcOnView });
    h.mount('broken');
    const message = crashes(h)[0]?.message ?? '';
    expect(message).toContain(`Unknown prop "src" on <View>. ${VIEW_ACCEPTS}`);
    expect(message).not.toContain('Did you mean');
    expect(message).not.toMatch(/accepts: .*\bsrc\b/);
  });
});

describe('misuse after the page is up', () => {
  it('an invalid value reached by a state change crashes the page in the event phase, cleanly', async () => {
    function Fader() {
      const [opacity, setOpacity] = useState(1);
      return (
        <View
          width={200}
          height={100}
          focusKey="fader"
          opacity={opacity}
          onSelect={() => setOpacity((o) => o + 1)}
        >
          <Text width={200} height={40}>
            Fade
          </Text>
        </View>
      );
    }
    const h = createLegacyHarness({ fader: Fader, working: Working });
    h.mount('fader');
    h.focus.focusByKey('fader');
    h.select();
    await h.settle();

    expect(crashes(h)).toEqual([
      {
        type: 'crashed',
        page: 'fader',
        phase: 'event',
        message: 'Invalid opacity on <View focusKey="fader">: expected a finite number from 0 to 1, got 2',
        stderr: expect.stringMatching(/^PrimitiveUsageError: /),
      },
    ]);
    expect(h.world.mountedKeys).toEqual([]);
    expect(h.store.size('legacy')).toBe(1);
    expectWorldKeptToItself(h);
    await expectWorldStillWorks(h);
  });

  it('a misused child mounted later by a state change crashes the page with the fix', async () => {
    function Details() {
      const [open, setOpen] = useState(false);
      return (
        <View width={400} height={300} focusKey="more" onSelect={() => setOpen(true)}>
          <Text width={400} height={40}>
            More
          </Text>
          {open && (
            <View width={400} height={200}>
              Synopsis goes here
            </View>
          )}
        </View>
      );
    }
    const h = createLegacyHarness({ details: Details, working: Working });
    h.mount('details');
    h.focus.focusByKey('more');
    h.select();
    await h.settle();
    expect(crashes(h).map((c) => [c.phase, c.message])).toEqual([
      [
        'event',
        'Text "Synopsis goes here" must be rendered inside <Text>, e.g. <Text>Synopsis goes here</Text>',
      ],
    ]);
    expect(h.store.size('legacy')).toBe(1);
    expectWorldKeptToItself(h);
    await expectWorldStillWorks(h);
  });

  it('an error boundary in the page catches a misuse: no crash, the fallback is drawn', async () => {
    class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
      override state = { error: null };
      static getDerivedStateFromError(error: unknown) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
      override render() {
        return this.state.error === null ? (
          this.props.children
        ) : (
          <Text width={1920} height={40}>
            {`Something went wrong: ${this.state.error}`}
          </Text>
        );
      }
    }
    function Guarded() {
      return (
        <View width={1920} height={1080}>
          <Boundary>
            <BadOpacity />
          </Boundary>
        </View>
      );
    }
    const h = createLegacyHarness({ guarded: Guarded });
    h.mount('guarded');
    await h.settle();
    expect(crashes(h)).toEqual([]);
    expect(shownTexts(h)).toEqual([
      'Something went wrong: Invalid opacity on <View>: expected a finite number from 0 to 1, got 2',
    ]);
    expect(h.world.mountedKeys).toEqual(['entry-guarded']);
    expectWorldKeptToItself(h);
  });

  it('two crashed pages in a row each report once and the world still mounts pages', async () => {
    const h = createLegacyHarness({ first: OnClick, second: DomElement, working: Working });
    h.mount('first');
    h.mount('second');
    expect(crashes(h).map((c) => c.page)).toEqual(['first', 'second']);
    await expectWorldStillWorks(h);
  });

  it('the history entry of a crashed page can be mounted again', async () => {
    const h = createLegacyHarness({ broken: OnClick, working: Working });
    h.mount('broken', {}, 'entry-1');
    h.mount('working', {}, 'entry-1');
    expect(h.world.mountedKeys).toEqual(['entry-1']);
    expect(h.focus.focusByKey('working')).toBe(true);
    h.select();
    await h.settle();
    expect(shownTexts(h)).toEqual(['Selected 1 times']);
    expectWorldKeptToItself(h);
  });
});
