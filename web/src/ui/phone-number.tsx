import { Anchor } from '@mantine/core';
import { formatPhone, phoneHref } from '@servix/server/kernel/phone-format';

export { formatPhone };

/** A phone number in one readable form, a tap away from a call on a phone; an invalid one as stored. */
export function PhoneNumber({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  const href = phoneHref(value);
  const text = formatPhone(value);
  return href ? (
    <Anchor href={href} inherit style={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
      {text}
    </Anchor>
  ) : (
    <span>{text}</span>
  );
}
