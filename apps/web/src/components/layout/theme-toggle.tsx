import { useTheme, type ThemeChoice } from '../../lib/theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };
const LABEL: Record<ThemeChoice, string> = { system: 'follow the system', light: 'light', dark: 'dark' };

/** Cycles system → light → dark → system, so a fixed choice can always be undone. */
export function ThemeToggle() {
  const { choice, choose } = useTheme();
  const next = NEXT[choice];
  const text = `Theme: ${LABEL[choice]}. Switch to ${LABEL[next]}`;
  return (
    <button type="button" className="icon-button" onClick={() => choose(next)} aria-label={text} title={text}>
      <span aria-hidden="true">{ICON[choice]}</span>
    </button>
  );
}
