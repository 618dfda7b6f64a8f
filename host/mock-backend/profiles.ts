import type { Profile } from '../../bridge/index.ts';

/** The four viewers of the reference app; the last is a kids profile. */
export const MOCK_PROFILES: readonly Profile[] = [
  { id: 'p1', name: 'Alex', avatarColor: '#e8b04a', isKids: false },
  { id: 'p2', name: 'Sam', avatarColor: '#4a90e2', isKids: false },
  { id: 'p3', name: 'Jordan', avatarColor: '#50c878', isKids: false },
  { id: 'p4', name: 'Kids', avatarColor: '#ff6f91', isKids: true },
];
