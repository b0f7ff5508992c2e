/**
 * A menu button listing every copy format, grouped as shell commands, files and single values.
 * Keyboard: Enter, Space or ArrowDown opens it on the first item, ArrowUp on the last; arrows,
 * Home and End move; Enter picks; Escape closes and returns to the button; Tab closes.
 */
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CopyFormat } from '../../src/format';
import { copyFormats } from '../../src/format/copy-format-options';

/** Props of {@link FormatMenu}. */
export interface FormatMenuProps {
  /** Makes the menu's element id unique in the popup. */
  profileId: string;
  /** Names the menu for assistive technology ("Copy formats for Dev admin"). */
  profileName: string;
  disabled: boolean;
  onPick(format: CopyFormat): void;
}

/** The "more formats" menu of a profile. */
export function FormatMenu({ profileId, profileName, disabled, onPick }: FormatMenuProps) {
  const [focusIndex, setFocusIndex] = useState<number>();
  const open = focusIndex !== undefined;
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // Right after the menu renders, before the next key press can land on the old focus.
  useLayoutEffect(() => {
    if (focusIndex !== undefined) itemRefs.current[focusIndex]?.focus();
  }, [focusIndex]);

  useEffect(() => {
    if (!open) return undefined;
    const closeOnOutside = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setFocusIndex(undefined);
    };
    document.addEventListener('mousedown', closeOnOutside);
    return () => document.removeEventListener('mousedown', closeOnOutside);
  }, [open]);

  const close = () => {
    setFocusIndex(undefined);
    buttonRef.current?.focus();
  };
  const last = copyFormats.length - 1;
  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setFocusIndex(event.key === 'ArrowDown' ? 0 : last);
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const current = focusIndex ?? 0;
    const moves: Record<string, number> = { ArrowDown: (current + 1) % copyFormats.length, ArrowUp: (current + last) % copyFormats.length, Home: 0, End: last };
    if (event.key in moves) {
      event.preventDefault();
      setFocusIndex(moves[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setFocusIndex(undefined);
    }
  };
  const menuId = `format-menu-${profileId}`;

  return (
    <div class="format-menu" ref={rootRef}>
      <button
        type="button"
        ref={buttonRef}
        aria-label="More copy formats"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? setFocusIndex(undefined) : setFocusIndex(0))}
        onKeyDown={onButtonKey}
      >
        More ▾
      </button>
      {open && (
        <div role="menu" id={menuId} aria-label={`Copy formats for ${profileName}`} class="menu" onKeyDown={onMenuKey}>
          {copyFormats.map((option, index) => (
            <Fragment key={option.id}>
              {index > 0 && copyFormats[index - 1]?.kind !== option.kind && <div role="separator" class="separator" />}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                ref={(element) => {
                  itemRefs.current[index] = element;
                }}
                onClick={() => {
                  close();
                  onPick(option.id);
                }}
              >
                {option.label}
              </button>
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
}
