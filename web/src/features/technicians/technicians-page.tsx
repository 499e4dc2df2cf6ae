import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { Technician } from '@servix/server/modules/technicians/technicians.schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCategoryOptions } from '../../api/catalog';
import { TECHNICIANS_PATH, useTechnicians } from '../../api/technicians';
import { canCall } from '../../app/access';
import { useSeesPay } from '../../app/fields';
import { useSession } from '../../app/session';
import { currentLocale } from '../../i18n';
import { FilterSelect, useListState } from '../../ui/list';
import { PhoneNumber } from '../../ui/phone-number';
import { RecordListPage } from '../../ui/record-list';
import { categoryName } from '../catalog/catalog-list';
import { hoursText, payTermsText } from './technician-values';

export const technicianPath = (id: string) => `/settings/technicians/${encodeURIComponent(id)}`;

/** Category names by code, for skill badges in the UI language. */
export function useSkillNames(): (code: string) => string {
  const categories = useCategoryOptions().data ?? [];
  const locale = currentLocale();
  return (code) => {
    const c = categories.find((x) => x.code === code);
    return c ? categoryName(c, locale) : code;
  };
}

export function SkillBadges({ skills }: { skills: readonly string[] }) {
  const skillName = useSkillNames();
  return (
    <Group gap={4}>
      {skills.map((s) => (
        <Badge key={s} size="sm" variant="light" color="indigo" tt="none">
          {skillName(s)}
        </Badge>
      ))}
    </Group>
  );
}

export function TechniciansPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const canEdit = canCall(user.role, 'POST /api/v1/technicians');
  const seesPay = useSeesPay();
  const list = useListState({ filters: ['active', 'skill', 'archived'] as const, defaultSort: 'name' });
  const result = useTechnicians(list.query);
  const categories = useCategoryOptions().data ?? [];

  return (
    <RecordListPage
      title={t('technicians.title')}
      description={seesPay ? t('technicians.description') : t('technicians.descriptionNoPay')}
      canEdit={canEdit}
      addLabel={t('technicians.add')}
      addHref={technicianPath('new')}
      list={list}
      result={result}
      maw={1280}
      searchPlaceholder={t('technicians.search')}
      filters={
        <>
          <FilterSelect
            list={list}
            name="skill"
            data={categories.map((c) => ({ value: c.code, label: categoryName(c, locale) }))}
            label={t('technicians.skills')}
            placeholder={t('technicians.anySkill')}
            w={200}
          />
          <FilterSelect
            list={list}
            name="active"
            data={[
              { value: 'true', label: t('technicians.onlyActive') },
              { value: 'false', label: t('technicians.onlyInactive') },
            ]}
            label={t('technicians.status')}
            placeholder={t('technicians.anyStatus')}
            w={180}
          />
          <FilterSelect
            list={list}
            name="archived"
            data={[{ value: 'true', label: t('records.showArchived') }]}
            label={t('records.show')}
            placeholder={t('records.showActive')}
            w={180}
          />
        </>
      }
      exportPath={TECHNICIANS_PATH}
      rowHref={(x) => technicianPath(x.id)}
      minWidth={seesPay ? 1000 : 860}
      data-testid="technicians"
      columns={() => [
        {
          key: 'name',
          header: t('technicians.name'),
          sortKey: 'name',
          render: (x: Technician) => (
            <Stack gap={0}>
              <Anchor component={Link} to={technicianPath(x.id)} fw={500} size="sm">
                {x.name}
              </Anchor>
              {x.username && (
                <Text size="xs" c="dimmed">
                  {t('technicians.userShort', { username: x.username })}
                </Text>
              )}
            </Stack>
          ),
        },
        {
          key: 'phone',
          header: t('technicians.phone'),
          nowrap: true,
          render: (x) => <PhoneNumber value={x.phone} />,
        },
        {
          key: 'skills',
          header: t('technicians.skills'),
          render: (x) => <SkillBadges skills={x.skills} />,
        },
        {
          key: 'hours',
          header: t('technicians.hours'),
          render: (x) => (
            <Text size="sm" maw={260}>
              {hoursText(x.hours, t) || t('common.none')}
            </Text>
          ),
        },
        ...(seesPay
          ? [
              {
                key: 'pay',
                header: t('technicians.pay.current'),
                nowrap: true,
                render: (x: Technician) =>
                  x.currentPayTerms ? payTermsText(x.currentPayTerms, t, locale) : t('common.none'),
              },
            ]
          : []),
        {
          key: 'active',
          header: t('technicians.status'),
          width: 120,
          render: (x) => (
            <Badge size="sm" variant="light" color={x.archivedAt ? 'gray' : x.active ? 'green' : 'yellow'}>
              {x.archivedAt ? t('records.archived') : x.active ? t('common.active') : t('common.inactive')}
            </Badge>
          ),
        },
      ]}
    />
  );
}
