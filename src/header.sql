/* postmortem--0.1.0.sql — assembled by the Makefile from src/<module>.sql */

\echo Use "CREATE EXTENSION postmortem" to load this file. \quit
