import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompany } from '../../api/company';
import { canCall } from '../../app/access';
import { SETTINGS_SCREENS } from '../../app/nav';
import { useSession } from '../../app/session';
import { StockSummary } from '../stock/stock-summary';
import { FirstStepsChecklist } from './first-steps';

const SHORTCUT_TEXT = {
  '/settings/company': 'home.shortcut.company',
  '/settings/numbering': 'home.shortcut.numbering',
  '/settings/vat-rates': 'vatRates.shortcut',
  '/settings/users': 'home.shortcut.users',
  '/settings/api-tokens': 'home.shortcut.apiTokens',
  '/settings/audit': 'home.shortcut.audit',
  '/settings/jobs': 'home.shortcut.jobs',
  '/settings/technicians': 'technicians.shortcut',
  '/import': 'imports.shortcut',
  '/settings/service': 'orders.settings.shortcut',
  '/settings/visits': 'visits.settings.shortcut',
  '/settings/fiscal-device': 'fiscal.shortcut',
  '/settings/fiscal-sites': 'fiscalSites.shortcut',
  '/settings/email': 'mail.shortcut.settings',
  '/settings/outbox': 'mail.shortcut.outbox',
} as const;

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const company = useCompany().data;
  const shortcuts = SETTINGS_SCREENS.filter((s) => canCall(user.role, s.needs));
  const canEditCompany = canCall(user.role, 'PUT /api/v1/company');

  return (
    <Stack gap="lg" maw={1100}>
      <FirstStepsChecklist />
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" align="flex-start" gap="lg">
          <Stack gap={4} style={{ flex: '1 1 360px', minWidth: 0 }}>
            <Title order={1} fz="h2">
              {t('home.welcome', { name: user.fullName })}
            </Title>
            <Text c="dimmed">{t('home.yourRole', { role: t(`roles.${user.role}`) })}</Text>
          </Stack>
          {company && (
            <Card withBorder radius="md" padding="md" bg="gray.0" miw={260} style={{ flex: '0 1 340px' }}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('home.companyCard')}
              </Text>
              <Text fw={600} mt={4}>
                {company.legalName}
              </Text>
              {company.uic ? (
                <Text size="sm" c="dimmed">
                  {t('home.uic')}: {company.uic}
                  {company.vatNumber ? ` · ${t('home.vatNumber')}: ${company.vatNumber}` : ''}
                </Text>
              ) : (
                <Stack gap={4} mt={4} align="flex-start">
                  <Text size="sm" c="dimmed">
                    {t('home.notFilled')}
                  </Text>
                  {canEditCompany && (
                    <Button component={Link} to="/settings/company" size="xs" variant="light">
                      {t('home.fillCompany')}
                    </Button>
                  )}
                </Stack>
              )}
              {company.city && (
                <Text size="sm" c="dimmed">
                  {[company.postcode, company.city].filter(Boolean).join(' ')}
                  {company.address ? `, ${company.address}` : ''}
                </Text>
              )}
            </Card>
          )}
        </Group>
      </Card>

      <StockSummary />

      {shortcuts.length > 0 && (
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('home.shortcuts')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            {shortcuts.map((s) => {
              const Icon = s.icon;
              return (
                <Card key={s.path} withBorder radius="md" padding="md">
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon variant="light" size={38} radius="md">
                      <Icon size={20} stroke={1.6} />
                    </ThemeIcon>
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={s.path} fw={600}>
                        {t(s.label)}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {t(SHORTCUT_TEXT[s.path])}
                      </Text>
                    </Stack>
                  </Group>
                </Card>
              );
            })}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
