/** What GET /api/v1/public/orders/:token answers: the orders module's own schema types. */
export type {
  OrderStatus as ServiceOrderStatus,
  PublicOrder as PublicOrderStatus,
} from '@servix/server/modules/orders/orders.schema';
