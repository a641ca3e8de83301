/** Choose a record by typing part of its name (or scanning its barcode): an async combobox. */
import { useEffect, useId, useRef, useState } from 'react';

export interface Option {
  id: string;
  label: string;
  hint?: string | null;
}

export function Lookup(props: {
  name: string;
  label: string;
  value: Option | null;
  onChange: (option: Option | null) => void;
  search: (text: string) => Promise<Option[]>;
  invalid?: boolean;
  placeholder?: string;
}) {
  const [text, setText] = useState(props.value?.label ?? '');
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const asked = useRef(0);
  const listId = useId();
  useEffect(() => setText(props.value?.label ?? ''), [props.value?.id]);

  const find = async (query: string) => {
    const ticket = ++asked.current;
    const found = await props.search(query);
    if (ticket !== asked.current) return; // a later keystroke already asked again
    setOptions(found);
    setActive(0);
    setOpen(true);
  };
  const choose = (option: Option) => {
    props.onChange(option);
    setText(option.label);
    setOpen(false);
  };

  return (
    <div className="lookup">
      <input
        name={props.name}
        aria-label={props.label}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={props.invalid ? true : undefined}
        autoComplete="off"
        placeholder={props.placeholder ?? 'Type to search'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (props.value) props.onChange(null);
          void find(e.target.value);
        }}
        onFocus={() => {
          if (!props.value) void find(text);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && options[active]) choose(options[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {open && (
        <ul id={listId} role="listbox" className="lookup-list" aria-label={`${props.label} choices`}>
          {options.length === 0 && <li className="hint">Nothing matches.</li>}
          {options.map((option, index) => (
            <li
              key={option.id}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
            >
              {option.label}
              {option.hint && <span className="hint"> · {option.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
