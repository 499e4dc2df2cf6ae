-- stock valuation at a date
select "stock_movement"."warehouse_id", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_movement"."part_id", "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", cast(coalesce(sum("stock_movement"."quantity_milli"), 0) as bigint) as "quantity_milli", cast(coalesce(sum("stock_movement"."value_cents"), 0) as bigint) as "value_cents"
  from "stock_movement"
  inner join "catalog_part" on "catalog_part"."id" = "stock_movement"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_movement"."warehouse_id"
  where "stock_movement"."movement_date" <= ?
  group by "stock_movement"."warehouse_id", "stock_warehouse"."code", "stock_warehouse"."name", "stock_movement"."part_id", "catalog_part"."code", "catalog_part"."name_bg", "catalog_part"."unit"
  having (sum(stock_movement.quantity_milli) <> ? or sum(stock_movement.value_cents) <> ?)
  order by "stock_warehouse"."code", "catalog_part"."code";
-- parameters: ["2026-06-30",0,0]

-- stock valuation at a date, one warehouse
select "stock_movement"."warehouse_id", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_movement"."part_id", "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", cast(coalesce(sum("stock_movement"."quantity_milli"), 0) as bigint) as "quantity_milli", cast(coalesce(sum("stock_movement"."value_cents"), 0) as bigint) as "value_cents"
  from "stock_movement"
  inner join "catalog_part" on "catalog_part"."id" = "stock_movement"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_movement"."warehouse_id"
  where "stock_movement"."movement_date" <= ? and "stock_movement"."warehouse_id" = ?
  group by "stock_movement"."warehouse_id", "stock_warehouse"."code", "stock_warehouse"."name", "stock_movement"."part_id", "catalog_part"."code", "catalog_part"."name_bg", "catalog_part"."unit"
  having (sum(stock_movement.quantity_milli) <> ? or sum(stock_movement.value_cents) <> ?)
  order by "stock_warehouse"."code", "catalog_part"."code";
-- parameters: ["2026-06-30","01900000-0000-7000-8000-00000000000b",0,0]

-- levels: search, warehouse and part, sorted by value, second page
select "stock_level".*, "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", "catalog_part"."min_stock_milli", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_warehouse"."kind" as "warehouse_kind"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "catalog_part"."rowid" in (select rowid
  from "catalog_part_search_fts"
  where search_text like ?) and "stock_level"."warehouse_id" = ? and "stock_level"."part_id" = ? and ("stock_level"."on_hand_milli" <> ? or "stock_level"."reserved_milli" <> ?)
  order by "stock_level"."value_cents" desc, "stock_level"."id" desc
  limit ?
  offset ?;
-- parameters: ["%помпа%","01900000-0000-7000-8000-00000000000b","01900000-0000-7000-8000-00000000000a",0,0,50,50]
select cast(count(*) as bigint) as "n"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "catalog_part"."rowid" in (select rowid
  from "catalog_part_search_fts"
  where search_text like ?) and "stock_level"."warehouse_id" = ? and "stock_level"."part_id" = ? and ("stock_level"."on_hand_milli" <> ? or "stock_level"."reserved_milli" <> ?);
-- parameters: ["%помпа%","01900000-0000-7000-8000-00000000000b","01900000-0000-7000-8000-00000000000a",0,0]

-- levels below minimum
select "stock_level".*, "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", "catalog_part"."min_stock_milli", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_warehouse"."kind" as "warehouse_kind"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "stock_warehouse"."kind" = ? and "catalog_part"."min_stock_milli" > ? and stock_level.on_hand_milli - stock_level.reserved_milli < catalog_part.min_stock_milli
  order by "catalog_part"."code" asc, "stock_warehouse"."code" asc, "stock_level"."id" asc
  limit ?
  offset ?;
-- parameters: ["store",0,50,0]
select cast(count(*) as bigint) as "n"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "stock_warehouse"."kind" = ? and "catalog_part"."min_stock_milli" > ? and stock_level.on_hand_milli - stock_level.reserved_milli < catalog_part.min_stock_milli;
-- parameters: ["store",0]

-- part card: movements with running balance, from the balance before a date
select "catalog_part".*, "catalog_category"."code" as "category_code", "preferred_supplier"."name" as "preferred_supplier_name", "preferred_supplier"."uic" as "preferred_supplier_uic"
  from "catalog_part"
  left join "catalog_category" on "catalog_category"."id" = "catalog_part"."category_id"
  left join "party" as "preferred_supplier" on "preferred_supplier"."id" = "catalog_part"."preferred_supplier_id"
  where "catalog_part"."id" = ?;
-- parameters: ["01900000-0000-7000-8000-00000000000a"]
select *
  from "vat_rate"
  where "valid_from" <= ?
  order by "valid_from" desc;
-- parameters: ["<today>"]
select "catalog_part_compat"."part_id", "catalog_part_compat"."brand_id", "catalog_part_compat"."model_id", "catalog_brand"."code" as "brand_code", "catalog_brand"."name" as "brand_name", "catalog_model"."name" as "model_name"
  from "catalog_part_compat"
  inner join "catalog_brand" on "catalog_brand"."id" = "catalog_part_compat"."brand_id"
  left join "catalog_model" on "catalog_model"."id" = "catalog_part_compat"."model_id"
  where "catalog_part_compat"."part_id" in (?)
  order by "catalog_brand"."code", "catalog_model"."name";
-- parameters: [0]
select cast(coalesce(sum("quantity_milli"), 0) as bigint) as "quantity_milli", cast(coalesce(sum("value_cents"), 0) as bigint) as "value_cents"
  from "stock_movement"
  where "part_id" = ? and "movement_date" < ? and "warehouse_id" = ?;
-- parameters: ["01900000-0000-7000-8000-00000000000a","2026-01-01","01900000-0000-7000-8000-00000000000b"]
select "stock_movement".*, "stock_document"."type" as "document_type", "stock_document"."number" as "document_number", "stock_document"."reversal_of_id", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name"
  from "stock_movement"
  inner join "stock_document" on "stock_document"."id" = "stock_movement"."document_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_movement"."warehouse_id"
  where "stock_movement"."part_id" = ? and "stock_movement"."warehouse_id" = ? and "stock_movement"."movement_date" >= ? and "stock_movement"."movement_date" <= ?
  order by "stock_movement"."movement_date", "stock_movement"."warehouse_id", "stock_movement"."ledger_order";
-- parameters: ["01900000-0000-7000-8000-00000000000a","01900000-0000-7000-8000-00000000000b","2026-01-01","2026-06-30"]
select "stock_level".*, "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", "catalog_part"."min_stock_milli", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_warehouse"."kind" as "warehouse_kind"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "stock_level"."part_id" = ?
  order by "stock_warehouse"."code";
-- parameters: ["01900000-0000-7000-8000-00000000000a"]

-- parts below minimum, by last supplier
select "catalog_part"."id", "catalog_part"."code", "catalog_part"."name_bg", "catalog_part"."unit", "catalog_part"."min_stock_milli", coalesce(t.on_hand_milli, 0) as "on_hand_milli", coalesce(t.reserved_milli, 0) as "reserved_milli"
  from "catalog_part"
  left join (select "part_id", cast(coalesce(sum("on_hand_milli"), 0) as bigint) as "on_hand_milli", cast(coalesce(sum("reserved_milli"), 0) as bigint) as "reserved_milli"
  from "stock_level"
  group by "part_id") as "t" on "t"."part_id" = "catalog_part"."id"
  where "catalog_part"."archived_at" is null and "catalog_part"."min_stock_milli" > ? and coalesce(t.on_hand_milli, 0) - coalesce(t.reserved_milli, 0) < catalog_part.min_stock_milli
  order by "catalog_part"."code";
-- parameters: [0]
select "stock_document_line"."part_id", "stock_document_line"."unit_cost_cents", "stock_document"."supplier_id", "party"."name" as "supplier_name", "stock_document"."document_date"
  from "stock_document_line"
  inner join "stock_document" on "stock_document"."id" = "stock_document_line"."document_id"
  left join "party" on "party"."id" = "stock_document"."supplier_id"
  where "stock_document"."type" = ? and "stock_document"."status" = ? and "stock_document"."reversal_of_id" is null and "stock_document_line"."part_id" in (?)
  order by "stock_document"."document_date" desc, "stock_document"."posted_at" desc, "stock_document_line"."line_no" desc;
-- parameters: ["receipt","posted",0]
