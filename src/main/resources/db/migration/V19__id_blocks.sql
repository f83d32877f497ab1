-- Rows that come many to a request are numbered by the service in blocks of 50 (pe.telco.orders.common.Ids), so it
-- can insert an order's items, its history, its shipments and its work orders one batch per table instead of one
-- round trip per row. Each nextval hands out a block; plain inserts that take the column's default still get unique
-- ids (they take the block's first number, and the service never uses a block it did not draw).
alter table order_item alter column id set increment by 50;
alter table order_event alter column id set increment by 50;
alter table shipment alter column id set increment by 50;
alter table work_order alter column id set increment by 50;
