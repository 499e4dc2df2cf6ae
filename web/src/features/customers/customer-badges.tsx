import { Badge, Group } from '@mantine/core';
import type { PartyListItem } from '@servix/server/modules/parties/parties.schema';
import { useTranslation } from 'react-i18next';

/** Company or person, as a small badge. */
export function KindBadge({ kind }: { kind: PartyListItem['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={kind === 'company' ? 'indigo' : 'teal'} tt="none">
      {t(`customers.kinds.${kind}`)}
    </Badge>
  );
}

/** Supplier, archived, anonymised: what sets a party apart from an ordinary live customer. */
export function PartyFlags({
  party,
}: {
  party: Pick<PartyListItem, 'isCustomer' | 'isSupplier' | 'archivedAt' | 'anonymisedAt'>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      {party.isSupplier && (
        <Badge size="sm" variant="light" color="grape" tt="none">
          {party.isCustomer ? t('customers.roles.both') : t('customers.roles.supplier')}
        </Badge>
      )}
      {party.anonymisedAt ? (
        <Badge size="sm" variant="light" color="gray" tt="none">
          {t('customers.anonymised')}
        </Badge>
      ) : (
        party.archivedAt && (
          <Badge size="sm" variant="light" color="gray" tt="none">
            {t('customers.archived')}
          </Badge>
        )
      )}
    </Group>
  );
}
