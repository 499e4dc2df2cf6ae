import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/page-header';

export function StockDocumentPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('stock.docs.placeholder')} />;
}
