import { useState } from 'react';
import { apiPaths, type Setting, type UpdateSettingRequest } from '../../../bridge/index.ts';
import { useBackend } from '../../hooks/use-backend.ts';

export interface SettingToggles {
  /** The value to show for `setting`: the viewer's latest choice, else what the backend said. */
  readonly shownValue: (setting: Setting) => boolean;
  /** Flips `setting` at once and saves it; if saving fails it flips back and `error` says so. */
  readonly toggle: (setting: Setting) => void;
  /** The last failed save, or null. */
  readonly error: string | null;
}

/** Optimistic on/off switches backed by `PUT /api/settings/<id>`. */
export function useSettingToggles(): SettingToggles {
  const backend = useBackend();
  const [values, setValues] = useState<Readonly<Record<string, boolean>>>({});
  const [error, setError] = useState<string | null>(null);

  const shownValue = (setting: Setting) => values[setting.id] ?? setting.value;

  const save = async (settingId: string, value: boolean): Promise<boolean> => {
    const body: UpdateSettingRequest = { value };
    try {
      const response = await backend(apiPaths.setting(settingId), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.ok;
    } catch {
      return false;
    }
  };

  const toggle = (setting: Setting) => {
    const value = !shownValue(setting);
    setValues((current) => ({ ...current, [setting.id]: value }));
    setError(null);
    save(setting.id, value).then((saved) => {
      if (saved) return;
      // Flip back, unless the viewer has flipped it again since.
      setValues((current) =>
        current[setting.id] === value ? { ...current, [setting.id]: !value } : current,
      );
      setError(`Couldn't save “${setting.label}”. It is ${value ? 'Off' : 'On'} again; please try later.`);
    });
  };

  return { shownValue, toggle, error };
}
