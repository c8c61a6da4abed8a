-- Each trained model's whole provenance as JSON: its kind and settings, seed, the data it learned from and the
-- library versions it ran on. Models stored before this release get what their row recorded; the versions they
-- ran on were not kept, and the provenance says so.
ALTER TABLE trained_models ADD COLUMN IF NOT EXISTS provenance CLOB;
UPDATE trained_models SET provenance = JSON_OBJECT(
        'kind': model, 'settings': parameters, 'seed': seed, 'data_version': data_version,
        'users': users, 'items': items, 'interactions': interactions,
        'libraries': JSON_OBJECT('recorded': 'no: stored before this workbench kept library versions'))
    WHERE provenance IS NULL;
ALTER TABLE trained_models ALTER COLUMN provenance SET NOT NULL;
