import type { ComponentType } from 'react';
import { BackendExample } from './backend-example.tsx';
import { FetchExample } from './fetch-example.tsx';
import { FocusPropsExample } from './focus-props-example.tsx';
import { ImageExample } from './image-example.tsx';
import { IsFocusedExample } from './is-focused-example.tsx';
import { MotionExample } from './motion-example.tsx';
import { NavigationExample } from './navigation-example.tsx';
import { TextExample } from './text-example.tsx';
import { ViewExample } from './view-example.tsx';

export interface Example {
  /** What it shows, one line. */
  readonly title: string;
  readonly Page: ComponentType;
}

/**
 * One tiny runnable page per primitive and hook, by route. Run one with
 * `npm start` and open `/?example=example-view` (etc.); each is also mounted by the tests.
 */
export const EXAMPLES = {
  'example-view': { title: 'View: nested, clipped, focusable boxes', Page: ViewExample },
  'example-text': { title: 'Text: size, weight, alignment, clamping, never HTML', Page: TextExample },
  'example-image': { title: 'Image: allowed URLs and fit modes', Page: ImageExample },
  'example-focus-props': {
    title: 'focusGroup, preferredChild, boundary and onArrow',
    Page: FocusPropsExample,
  },
  'example-navigation': { title: 'useNavigation, useParams and useHistory', Page: NavigationExample },
  'example-is-focused': { title: 'useIsFocused', Page: IsFocusedExample },
  'example-fetch': { title: 'useFetch: loading, data, error and retry', Page: FetchExample },
  'example-backend': { title: 'useBackend: sending a change', Page: BackendExample },
  'example-motion': {
    title: 'animate and scale: a rail that glides, a card that grows',
    Page: MotionExample,
  },
} as const satisfies Record<string, Example>;

export type ExampleRoute = keyof typeof EXAMPLES;
