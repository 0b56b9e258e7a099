-- fleet: everything is new in 0.2.0
\ir fleet.sql
