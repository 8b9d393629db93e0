type Props = { digits: string; testId?: string };

/**
 * A 30-digit fingerprint (exchange-format.md §3.2) as six groups of five, read aloud
 * group by group over the phone; monospace so the columns of two lists line up.
 */
export function Fingerprint({ digits, testId }: Props) {
  const groups = digits.trim().split(/\s+/u);
  return (
    <span className="fingerprint" data-testid={testId}>
      {groups.map((group, index) => (
        // The spaces keep the groups apart in copied text and for screen readers; flex layout ignores them.
        <span key={index} className="fingerprint-group">
          {index > 0 && ' '}
          {group}
        </span>
      ))}
    </span>
  );
}
