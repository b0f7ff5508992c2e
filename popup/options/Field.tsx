/**
 * Labelled inputs of the options editor. Each shows the problems at its path under it, tied to
 * the input with aria-describedby, so a screen reader says what is wrong and how to fix it.
 */
import type { ComponentChildren } from 'preact';
import { useFieldProblems } from './editor-context';

/** What every field takes. */
export interface FieldProps {
  /** The path of the field in the document, e.g. `providers[0].issuer`. */
  path: string;
  label: string;
  hint?: string;
}

const domId = (path: string) => `field-${path.replace(/[^\w-]/g, '_')}`;

function Frame({ path, label, hint, messages, children }: FieldProps & { messages: string[]; children: ComponentChildren }) {
  const id = domId(path);
  return (
    <div class={`field${messages.length ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {messages.length > 0 && (
        <ul class="field-problems" id={`${id}-problems`}>
          {messages.map((message) => <li key={message}>{message}</li>)}
        </ul>
      )}
    </div>
  );
}

function describedBy(path: string, hint: string | undefined, invalid: boolean): string | undefined {
  const id = domId(path);
  const ids = [hint ? `${id}-hint` : '', invalid ? `${id}-problems` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** A one-line text input. */
export function TextField(props: FieldProps & { value: string; onChange(value: string): void; placeholder?: string; type?: string; list?: string }) {
  const { messages, touch } = useFieldProblems(props.path);
  return (
    <Frame {...props} messages={messages}>
      <input id={domId(props.path)} type={props.type ?? 'text'} value={props.value} placeholder={props.placeholder} list={props.list} spellcheck={false}
        aria-invalid={messages.length > 0} aria-describedby={describedBy(props.path, props.hint, messages.length > 0)}
        onInput={(event) => { touch(); props.onChange(event.currentTarget.value); }} />
    </Frame>
  );
}

/** A multi-line text input. */
export function TextAreaField(props: FieldProps & { value: string; onChange(value: string): void; rows?: number; placeholder?: string }) {
  const { messages, touch } = useFieldProblems(props.path);
  return (
    <Frame {...props} messages={messages}>
      <textarea id={domId(props.path)} rows={props.rows ?? 3} value={props.value} placeholder={props.placeholder} spellcheck={false}
        aria-invalid={messages.length > 0} aria-describedby={describedBy(props.path, props.hint, messages.length > 0)}
        onInput={(event) => { touch(); props.onChange(event.currentTarget.value); }} />
    </Frame>
  );
}

/** A choice among fixed options. */
export function SelectField(props: FieldProps & { value: string; options: readonly { value: string; label: string }[]; onChange(value: string): void }) {
  const { messages, touch } = useFieldProblems(props.path);
  return (
    <Frame {...props} messages={messages}>
      <select id={domId(props.path)} value={props.value} aria-invalid={messages.length > 0} aria-describedby={describedBy(props.path, props.hint, messages.length > 0)}
        onChange={(event) => { touch(); props.onChange(event.currentTarget.value); }}>
        {props.options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </Frame>
  );
}

/** A yes/no switch. */
export function CheckboxField(props: FieldProps & { checked: boolean; onChange(checked: boolean): void }) {
  const { messages, touch } = useFieldProblems(props.path);
  const id = domId(props.path);
  return (
    <div class={`field checkbox${messages.length ? ' invalid' : ''}`}>
      <input id={id} type="checkbox" checked={props.checked} aria-describedby={describedBy(props.path, props.hint, messages.length > 0)}
        onChange={(event) => { touch(); props.onChange(event.currentTarget.checked); }} />
      <label for={id}>{props.label}</label>
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {messages.length > 0 && <ul class="field-problems" id={`${id}-problems`}>{messages.map((message) => <li key={message}>{message}</li>)}</ul>}
    </div>
  );
}
