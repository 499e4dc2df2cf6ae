/** The service orders' screens: one download, the first time any of them opens. */
export { BoardPage } from './board-page';
export { IntakePage } from './intake-page';
export { MyOrdersPage } from './my-orders-page';
export { OrderPage } from './order-page';
export { OrdersPage } from './orders-page';
export { ServiceSettingsPage } from './service-settings-page';
