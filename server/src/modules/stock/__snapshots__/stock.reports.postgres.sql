-- stock valuation at a date
select "stock_movement"."warehouse_id", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_movement"."part_id", "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", cast(coalesce(sum("stock_movement"."quantity_milli"), 0) as bigint) as "quantity_milli", cast(coalesce(sum("stock_movement"."value_cents"), 0) as bigint) as "value_cents"
  from "stock_movement"
  inner join "catalog_part" on "catalog_part"."id" = "stock_movement"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_movement"."warehouse_id"
  where "stock_movement"."movement_date" <= $1
  group by "stock_movement"."warehouse_id", "stock_warehouse"."code", "stock_warehouse"."name", "stock_movement"."part_id", "catalog_part"."code", "catalog_part"."name_bg", "catalog_part"."unit"
  having (sum(stock_movement.quantity_milli) <> $2 or sum(stock_movement.value_cents) <> $3)
  order by "stock_warehouse"."code", "catalog_part"."code";
-- parameters: ["2026-06-30",0,0]

-- stock valuation at a date, one warehouse
select "stock_movement"."warehouse_id", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_movement"."part_id", "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", cast(coalesce(sum("stock_movement"."quantity_milli"), 0) as bigint) as "quantity_milli", cast(coalesce(sum("stock_movement"."value_cents"), 0) as bigint) as "value_cents"
  from "stock_movement"
  inner join "catalog_part" on "catalog_part"."id" = "stock_movement"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_movement"."warehouse_id"
  where "stock_movement"."movement_date" <= $1 and "stock_movement"."warehouse_id" = $2
  group by "stock_movement"."warehouse_id", "stock_warehouse"."code", "stock_warehouse"."name", "stock_movement"."part_id", "catalog_part"."code", "catalog_part"."name_bg", "catalog_part"."unit"
  having (sum(stock_movement.quantity_milli) <> $3 or sum(stock_movement.value_cents) <> $4)
  order by "stock_warehouse"."code", "catalog_part"."code";
-- parameters: ["2026-06-30","01900000-0000-7000-8000-00000000000b",0,0]

-- levels: search, warehouse and part, sorted by value, second page
select "stock_level".*, "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", "catalog_part"."min_stock_milli", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_warehouse"."kind" as "warehouse_kind"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "catalog_part"."search_text" like $1 escape '\' and "stock_level"."warehouse_id" = $2 and "stock_level"."part_id" = $3 and ("stock_level"."on_hand_milli" <> $4 or "stock_level"."reserved_milli" <> $5)
  order by "stock_level"."value_cents" desc, "stock_level"."id" desc
  limit $6
  offset $7;
-- parameters: ["%помпа%","01900000-0000-7000-8000-00000000000b","01900000-0000-7000-8000-00000000000a",0,0,50,50]
select cast(count(*) as bigint) as "n"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "catalog_part"."search_text" like $1 escape '\' and "stock_level"."warehouse_id" = $2 and "stock_level"."part_id" = $3 and ("stock_level"."on_hand_milli" <> $4 or "stock_level"."reserved_milli" <> $5);
-- parameters: ["%помпа%","01900000-0000-7000-8000-00000000000b","01900000-0000-7000-8000-00000000000a",0,0]

-- levels below minimum
select "stock_level".*, "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", "catalog_part"."min_stock_milli", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_warehouse"."kind" as "warehouse_kind"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "stock_warehouse"."kind" = $1 and "catalog_part"."min_stock_milli" > $2 and stock_level.on_hand_milli - stock_level.reserved_milli < catalog_part.min_stock_milli
  order by "catalog_part"."code" asc, "stock_warehouse"."code" asc, "stock_level"."id" asc
  limit $3
  offset $4;
-- parameters: ["store",0,50,0]
select cast(count(*) as bigint) as "n"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "stock_warehouse"."kind" = $1 and "catalog_part"."min_stock_milli" > $2 and stock_level.on_hand_milli - stock_level.reserved_milli < catalog_part.min_stock_milli;
-- parameters: ["store",0]

-- part card: movements with running balance, from the balance before a date
select "catalog_part".*, "catalog_category"."code" as "category_code", "preferred_supplier"."name" as "preferred_supplier_name", "preferred_supplier"."uic" as "preferred_supplier_uic"
  from "catalog_part"
  left join "catalog_category" on "catalog_category"."id" = "catalog_part"."category_id"
  left join "party" as "preferred_supplier" on "preferred_supplier"."id" = "catalog_part"."preferred_supplier_id"
  where "catalog_part"."id" = $1;
-- parameters: ["01900000-0000-7000-8000-00000000000a"]
select *
  from "vat_rate"
  where "valid_from" <= $1
  order by "valid_from" desc;
-- parameters: ["<today>"]
select "catalog_part_compat"."part_id", "catalog_part_compat"."brand_id", "catalog_part_compat"."model_id", "catalog_brand"."code" as "brand_code", "catalog_brand"."name" as "brand_name", "catalog_model"."name" as "model_name"
  from "catalog_part_compat"
  inner join "catalog_brand" on "catalog_brand"."id" = "catalog_part_compat"."brand_id"
  left join "catalog_model" on "catalog_model"."id" = "catalog_part_compat"."model_id"
  where "catalog_part_compat"."part_id" in ($1)
  order by "catalog_brand"."code", "catalog_model"."name";
-- parameters: [0]
select cast(coalesce(sum("quantity_milli"), 0) as bigint) as "quantity_milli", cast(coalesce(sum("value_cents"), 0) as bigint) as "value_cents"
  from "stock_movement"
  where "part_id" = $1 and "movement_date" < $2 and "warehouse_id" = $3;
-- parameters: ["01900000-0000-7000-8000-00000000000a","2026-01-01","01900000-0000-7000-8000-00000000000b"]
select "stock_movement".*, "stock_document"."type" as "document_type", "stock_document"."number" as "document_number", "stock_document"."reversal_of_id", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name"
  from "stock_movement"
  inner join "stock_document" on "stock_document"."id" = "stock_movement"."document_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_movement"."warehouse_id"
  where "stock_movement"."part_id" = $1 and "stock_movement"."warehouse_id" = $2 and "stock_movement"."movement_date" >= $3 and "stock_movement"."movement_date" <= $4
  order by "stock_movement"."movement_date", "stock_movement"."warehouse_id", "stock_movement"."ledger_order";
-- parameters: ["01900000-0000-7000-8000-00000000000a","01900000-0000-7000-8000-00000000000b","2026-01-01","2026-06-30"]
select "stock_level".*, "catalog_part"."code" as "part_code", "catalog_part"."name_bg" as "part_name", "catalog_part"."unit" as "part_unit", "catalog_part"."min_stock_milli", "stock_warehouse"."code" as "warehouse_code", "stock_warehouse"."name" as "warehouse_name", "stock_warehouse"."kind" as "warehouse_kind"
  from "stock_level"
  inner join "catalog_part" on "catalog_part"."id" = "stock_level"."part_id"
  inner join "stock_warehouse" on "stock_warehouse"."id" = "stock_level"."warehouse_id"
  where "stock_level"."part_id" = $1
  order by "stock_warehouse"."code";
-- parameters: ["01900000-0000-7000-8000-00000000000a"]

-- parts below minimum, by last supplier
select "catalog_part"."id", "catalog_part"."code", "catalog_part"."name_bg", "catalog_part"."unit", "catalog_part"."min_stock_milli", coalesce(t.on_hand_milli, 0) as "on_hand_milli", coalesce(t.reserved_milli, 0) as "reserved_milli"
  from "catalog_part"
  left join (select "part_id", cast(coalesce(sum("on_hand_milli"), 0) as bigint) as "on_hand_milli", cast(coalesce(sum("reserved_milli"), 0) as bigint) as "reserved_milli"
  from "stock_level"
  group by "part_id") as "t" on "t"."part_id" = "catalog_part"."id"
  where "catalog_part"."archived_at" is null and "catalog_part"."min_stock_milli" > $1 and coalesce(t.on_hand_milli, 0) - coalesce(t.reserved_milli, 0) < catalog_part.min_stock_milli
  order by "catalog_part"."code";
-- parameters: [0]
select "stock_document_line"."part_id", "stock_document_line"."unit_cost_cents", "stock_document"."supplier_id", "party"."name" as "supplier_name", "stock_document"."document_date"
  from "stock_document_line"
  inner join "stock_document" on "stock_document"."id" = "stock_document_line"."document_id"
  left join "party" on "party"."id" = "stock_document"."supplier_id"
  where "stock_document"."type" = $1 and "stock_document"."status" = $2 and "stock_document"."reversal_of_id" is null and "stock_document_line"."part_id" in ($3)
  order by "stock_document"."document_date" desc, "stock_document"."posted_at" desc, "stock_document_line"."line_no" desc;
-- parameters: ["receipt","posted",0]
