-- What is true of an item beyond what its title says ("waterproof;official"), semicolon-separated, in the title's
-- language: the title generator may add these words to a title, and never any other brand, material or claim.
ALTER TABLE items ADD COLUMN attributes VARCHAR(2000);
