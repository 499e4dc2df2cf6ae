import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/page-header';

export function LowStockPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('stock.reports.placeholder')} />;
}
