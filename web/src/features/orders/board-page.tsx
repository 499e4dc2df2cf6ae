import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Card,
  Group,
  Menu,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Board, BoardCard, OrderStatus } from '@servix/server/modules/orders/orders.schema';
import { IconArrowsExchange } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrderBoard } from '../../api/orders';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../ui/page-header';
import { useIsPhone } from '../../ui/phone';
import { LoadError, PageLoader } from '../../ui/states';
import { OrderFlags, STATUS_COLOR, useAge } from './order-badges';
import { useStatusMove } from './status-move';
import { useTechnicianOptions } from './technician-options';

/** May an order move from one status to another? The board's own copy of the server's table answers. */
export function allowedMove(board: Pick<Board, 'transitions'>, from: OrderStatus, to: OrderStatus): boolean {
  return (board.transitions[from] ?? []).includes(to);
}

function OrderCard({
  order,
  targets,
  canMove,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  order: BoardCard;
  targets: readonly OrderStatus[];
  canMove: boolean;
  onMove: (to: OrderStatus) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const { t } = useTranslation();
  const age = useAge();
  const phone = useIsPhone();
  const draggable = canMove && !phone;
  return (
    <Card
      withBorder
      padding="xs"
      radius="sm"
      draggable={draggable}
      onDragStart={(e: DragEvent<HTMLDivElement>) => {
        e.dataTransfer?.setData('text/plain', order.id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      style={{
        cursor: draggable ? 'grab' : undefined,
        borderLeft: order.overdue ? '3px solid var(--mantine-color-red-6)' : undefined,
      }}
      data-testid={`board-card-${order.number}`}
    >
      <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
        <Anchor
          component={Link}
          to={`/orders/${order.id}`}
          size="sm"
          ff="monospace"
          fw={600}
          draggable={false}
        >
          {order.number}
        </Anchor>
        {canMove && targets.length > 0 && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={`${t('orders.board.moveMenu')}: ${order.number}`}
              >
                <IconArrowsExchange size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('orders.board.moveMenu')}</Menu.Label>
              {targets.map((to) => (
                <Menu.Item key={to} onClick={() => onMove(to)}>
                  {t(`orders.status.${to}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Text size="sm" lineClamp={1}>
        {order.customerName}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {order.itemLabel}
      </Text>
      <Group justify="space-between" gap={4} mt={4}>
        <Text size="xs" c="dimmed">
          {age(order.statusChangedAt)}
          {order.technicianName && ` · ${order.technicianName}`}
        </Text>
        <OrderFlags
          status={order.status}
          overdue={order.overdue}
          partsArrived={order.partsArrivedAt !== null}
        />
      </Group>
    </Card>
  );
}

/** The orders by status; a card dragged to another column moves there if the workflow allows, else the board says why. */
export function BoardPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const phone = useIsPhone();
  const [technicianId, setTechnicianId] = useState<string | null>(null);
  const technicians = useTechnicianOptions();
  const board = useOrderBoard({ technicianId });
  const { move, modal } = useStatusMove();
  const canMove = canCall(user.role, 'POST /api/v1/service-orders/:id/status');
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [over, setOver] = useState<OrderStatus | null>(null);

  if (board.isPending) return <PageLoader />;
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  const data = board.data;

  function drop(to: OrderStatus) {
    const card = dragging;
    setDragging(null);
    setOver(null);
    if (!card || card.status === to) return;
    if (!allowedMove(data, card.status, to)) {
      notifications.show({
        color: 'red',
        message: t('orders.board.refused', {
          number: card.number,
          from: t(`orders.status.${card.status}`),
          to: t(`orders.status.${to}`),
        }),
      });
      return;
    }
    move(card.id, card.status, to);
  }

  // On a phone the columns stand one under the other: the empty ones would only push the cards down.
  const shown = phone ? data.columns.filter((c) => c.count > 0) : data.columns;
  const columns = shown.map((column) => {
    const allowed = dragging
      ? dragging.status === column.status || allowedMove(data, dragging.status, column.status)
      : true;
    const highlighted = dragging && over === column.status;
    return (
      <Paper
        key={column.status}
        withBorder
        radius="md"
        p="xs"
        bg={highlighted ? (allowed ? 'green.0' : 'red.0') : 'gray.1'}
        style={{
          width: phone ? '100%' : 260,
          flexShrink: 0,
          opacity: dragging && !allowed ? 0.55 : 1,
          outline: highlighted ? `2px dashed var(--mantine-color-${allowed ? 'green' : 'red'}-5)` : undefined,
        }}
        onDragOver={(e: DragEvent<HTMLDivElement>) => {
          // Every column takes the drop, so a refused one can say why.
          e.preventDefault();
          if (over !== column.status) setOver(column.status);
        }}
        onDragLeave={() => setOver((o) => (o === column.status ? null : o))}
        onDrop={(e: DragEvent<HTMLDivElement>) => {
          e.preventDefault();
          drop(column.status);
        }}
        data-testid={`board-column-${column.status}`}
        aria-label={t(`orders.status.${column.status}`)}
        role="region"
      >
        <Group justify="space-between" mb="xs" gap={4}>
          <Group gap={6}>
            <Badge color={STATUS_COLOR[column.status]} variant="light">
              {t(`orders.status.${column.status}`)}
            </Badge>
            <Text size="sm" fw={600}>
              {column.count}
            </Text>
          </Group>
          {column.overdueCount > 0 && (
            <Badge color="red" size="sm" variant="filled">
              {column.overdueCount}
            </Badge>
          )}
        </Group>
        {column.since !== null && (
          <Text size="xs" c="dimmed" mt={-4} mb="xs" data-testid={`board-window-${column.status}`}>
            {t('orders.board.recent', { days: data.closedDays })}
          </Text>
        )}
        <Stack gap={6}>
          {column.cards.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="sm">
              {t('orders.board.empty')}
            </Text>
          )}
          {column.cards.map((card) => (
            <OrderCard
              key={card.id}
              order={card}
              canMove={canMove}
              targets={data.transitions[card.status] ?? []}
              onMove={(to) => move(card.id, card.status, to)}
              onDragStart={() => setDragging(card)}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
            />
          ))}
          {column.count > column.cards.length && (
            <Anchor component={Link} to={`/orders?status=${column.status}`} size="xs" ta="center">
              {t('orders.board.more', { count: column.count - column.cards.length })}
            </Anchor>
          )}
        </Stack>
      </Paper>
    );
  });

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('orders.board.title')}
        description={t('orders.board.description')}
        actions={
          <Select
            aria-label={t('orders.technician')}
            placeholder={t('orders.list.allTechnicians')}
            data={technicians}
            value={technicianId}
            onChange={setTechnicianId}
            clearable
            w={220}
          />
        }
      />
      {phone ? (
        <Stack gap="sm">{columns}</Stack>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Box style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>{columns}</Box>
        </ScrollArea>
      )}
      {modal}
    </Stack>
  );
}
