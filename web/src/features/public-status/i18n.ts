import { defineMessages } from '../../i18n/messages';

/** The public status page a customer opens from the QR code of the intake protocol (no sign-in). */
export const publicStatusMessages = defineMessages(
  {
    publicStatus: {
      title: 'Състояние на ремонта',
      order: 'Поръчка №',
      item: 'Уред',
      status: 'Състояние',
      promisedDate: 'Обещан срок',
      notes: 'Бележки от сервиза',
      updatedAt: 'Последна промяна',
      noPromisedDate: 'Не е определен',
      states: {
        received: 'Приет в сервиза',
        diagnosing: 'В диагностика',
        awaiting_approval: 'Очаква вашето одобрение',
        awaiting_parts: 'Очаква части',
        in_repair: 'В ремонт',
        ready: 'Готов за получаване',
        delivered: 'Предаден',
        cancelled: 'Отказан',
      },
      hints: {
        received: 'Уредът е приет и чака да бъде прегледан от техник.',
        diagnosing: 'Техник търси причината за повредата.',
        awaiting_approval: 'Моля, свържете се със сервиза, за да одобрите ремонта и цената.',
        awaiting_parts: 'Поръчани са частите, нужни за ремонта.',
        in_repair: 'Уредът се ремонтира.',
        ready: 'Уредът е готов. Можете да го получите в сервиза.',
        delivered: 'Уредът е предаден. Благодарим ви!',
        cancelled: 'Поръчката е прекратена. За въпроси се свържете със сервиза.',
      },
      invalidTitle: 'Връзката не е валидна',
      invalidText:
        'Тази връзка към състоянието на ремонт не съществува или е спряна. Попитайте сервиза за нова връзка.',
      footer: 'Страницата се обновява автоматично.',
    },
  },
  {
    publicStatus: {
      title: 'Repair status',
      order: 'Order No.',
      item: 'Item',
      status: 'Status',
      promisedDate: 'Promised date',
      notes: 'Notes from the service',
      updatedAt: 'Last update',
      noPromisedDate: 'Not set yet',
      states: {
        received: 'Received',
        diagnosing: 'Being diagnosed',
        awaiting_approval: 'Waiting for your approval',
        awaiting_parts: 'Waiting for parts',
        in_repair: 'Being repaired',
        ready: 'Ready for pick-up',
        delivered: 'Delivered',
        cancelled: 'Cancelled',
      },
      hints: {
        received: 'Your item has been received and waits for a technician.',
        diagnosing: 'A technician is finding the cause of the fault.',
        awaiting_approval: 'Please contact the service to approve the repair and its price.',
        awaiting_parts: 'The parts needed for the repair have been ordered.',
        in_repair: 'Your item is being repaired.',
        ready: 'Your item is ready. You can pick it up at the service.',
        delivered: 'Your item has been handed over. Thank you!',
        cancelled: 'The order was cancelled. Please contact the service with any questions.',
      },
      invalidTitle: 'This link is not valid',
      invalidText:
        'This repair status link does not exist or has been switched off. Ask the service for a new link.',
      footer: 'This page refreshes by itself.',
    },
  },
);
