-- postmortem--0.2.0.sql: assembled by the Makefile from src/header.sql and
-- the SQL files of each part's folder under src/; edit those, not this file.

\echo Use "CREATE EXTENSION postmortem" to load this file. \quit
