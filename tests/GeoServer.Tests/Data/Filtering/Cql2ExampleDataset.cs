using Npgsql;

namespace GeoServer.Tests.Data.Filtering;

/// <summary>
/// One small dataset with exactly the queryables the CQL2 standard's examples name, written so that nearly every
/// example selects some features but not all: each group of rows serves a few examples with values on both sides
/// of their bounds (equal ends, one second or one millisecond off, other case, other accents, NULLs, points on
/// boundaries). Created in a scratch PostGIS schema by <see cref="Sql"/>, then copied by ogr2ogr into a GeoPackage,
/// so both stores hold the same rows under the same fids.
/// </summary>
internal static class Cql2ExampleDataset
{
    /// <summary>The table of every example but 3, 40 and 84; the geometry column holds every geometry type but collections.</summary>
    public const string Features = "cql2_features";

    /// <summary>Examples 3 and 40 compare "landsat:wrs_path" and "value" with strings, the others with numbers.</summary>
    public const string Codes = "cql2_codes";

    /// <summary>Example 84's table: GEOMETRYCOLLECTIONs.</summary>
    public const string Collections = "cql2_collections";

    public static readonly IReadOnlyList<string> Tables = [Features, Codes, Collections];

    /// <summary>
    /// The dataset as PostgreSQL; "{schema}" stands for the scratch schema. Footprints and roads of the examples
    /// that write (latitude, longitude) keep the standard's coordinate order, as its literals do.
    /// </summary>
    public const string Sql = """
        CREATE TABLE {schema}.cql2_features (
          fid integer PRIMARY KEY,
          geom geometry(Geometry, 4326),
          city text, name text, "cityName" text, category integer, depth double precision, updated timestamptz,
          road_class text, etat_vol text,
          event_time timestamptz, touchdown timestamptz, "liftOff" timestamptz,
          "landsat:scene_id" text, "eo:instrument" text, "eo:cloud_cover" double precision,
          "landsat:wrs_row" integer, "landsat:wrs_path" integer,
          "beamMode" text, "swathDirection" text, polarization text,
          floors integer, taxes double precision, owner text, swimming_pool boolean, material text, built date,
          "geophys:SURVEY_NAME" text,
          id text, value double precision,
          starts_at timestamptz, ends_at timestamptz, updated_at timestamptz
        );
        CREATE INDEX ON {schema}.cql2_features USING gist (geom);

        -- Places: clause 6 and 7 basics, S_INTERSECTS with a point (clause 7, example 7).
        INSERT INTO {schema}.cql2_features (fid, geom, city, name, "cityName", category, depth, updated) VALUES
         (1, 'SRID=4326;POINT(36.319836 32.288087)', 'Toronto', 'Smith', 'Toronto', 1, 100, '1970-01-01T00:00:00Z'),
         (2, 'SRID=4326;POLYGON((36 32, 37 32, 37 33, 36 33, 36 32))', 'toronto', 'Smithers', 'New York', 4, 99.9, '1969-12-31T23:59:59Z'),
         (3, 'SRID=4326;POLYGON((36.319836 32.288087, 37 32.288087, 37 33, 36.319836 32.288087))', 'Toronto ', 'smith', 'new york', 5, 125.5, '2020-02-29T12:00:00Z'),
         (4, 'SRID=4326;POINT(36.32 32.29)', 'Frankfurt', 'John Smith', 'Tokyo ', 0, 150, '1900-01-01T00:00:00Z'),
         (5, 'SRID=4326;LINESTRING(30 30, 31 31)', NULL, 'Smíth', 'Paris', NULL, 150.1, NULL),
         (6, NULL, 'Toronto', 'Smith & Wesson', 'Frankfurt', 2, NULL, '1970-01-01T00:00:01Z');

        -- Roads: S_CROSSES (clause 7, example 10), CASEI and IN (clause 7 example 4, example 26), ACCENTI (clause 7
        -- example 5, example 27). Greek capitals end in Σ, whose lower case at the end of a word is ς; 11 holds ẞ,
        -- the capital of ß; 11 and 47 hold decomposed accents (NFD); 14 a combining mark outside U+0300–U+036F.
        INSERT INTO {schema}.cql2_features (fid, geom, road_class, etat_vol) VALUES
         (7, 'SRID=4326;LINESTRING(43.72992 -79.2998, 43.73005 -79.2991, 43.73006 -79.2984, 43.73140 -79.2956, 43.73259 -79.2950, 43.73266 -79.2945, 43.73320 -79.2936, 43.73378 -79.2936, 43.73486 -79.2917)', 'Οδος', 'débarquer'),
         (8, 'SRID=4326;LINESTRING(43.7300 -79.2965, 43.7310 -79.2960)', 'ΟΔΟΣ', 'debarquer'),
         (9, 'SRID=4326;LINESTRING(43.7300 -79.2965, 43.7400 -79.2965)', 'οδος', 'dèbârqüêr'),
         (10, 'SRID=4326;LINESTRING(43.70 -79.30, 43.71 -79.30)', 'Straße', 'DEBARQUER'),
         (11, 'SRID=4326;LINESTRING(43.7286 -79.2986, 43.7311 -79.2996)', 'STRAẞE', E'de\u0301barque\u0300r'),
         (12, NULL, 'straße', 'embarquer'),
         (13, 'SRID=4326;LINESTRING(43.7290 -79.2990, 43.7290 -79.2900)', 'STRASSE', 'đébarquer'),
         (14, 'SRID=4326;LINESTRING(43.75 -79.30, 43.76 -79.30)', 'Đường', E'de\u1dc4barquer'),
         (15, 'SRID=4326;LINESTRING(43.75 -79.31, 43.76 -79.31)', NULL, 'débarqué'),
         (16, 'SRID=4326;LINESTRING(43.75 -79.32, 43.76 -79.32)', 'Odos', NULL);

        -- Apollo 11: T_INTERSECTS of an instant (clause 7, example 12), T_DURING of two properties (clause 7, example 13).
        INSERT INTO {schema}.cql2_features (fid, event_time, touchdown, "liftOff") VALUES
         (17, '1969-07-16T05:32:00Z', '1969-07-20T20:17:40Z', '1969-07-21T17:54:00Z'),
         (18, '1969-07-20T20:17:40Z', '1969-07-16T13:32:00Z', '1969-07-21T17:54:00Z'),
         (19, '1969-07-24T16:50:35Z', '1969-07-20T20:17:40Z', '1969-07-24T16:50:35Z'),
         (20, '1969-07-24T16:50:36Z', '1969-07-15T00:00:00Z', '1969-07-20T00:00:00Z'),
         (21, '1969-07-16T05:31:59Z', NULL, '1969-07-21T17:54:00Z'),
         (22, NULL, '1969-07-16T13:32:01Z', '1969-07-24T16:50:34Z');

        -- Landsat scenes (examples 1 to 7).
        INSERT INTO {schema}.cql2_features (fid, geom, "landsat:scene_id", "eo:instrument", "eo:cloud_cover", "landsat:wrs_row", "landsat:wrs_path") VALUES
         (23, 'SRID=4326;POLYGON((43.68 -79.40, 43.70 -79.40, 43.70 -79.38, 43.68 -79.38, 43.68 -79.40))', 'LC82030282019133LGN00', 'OLI_TIRS', 0.05, 28, 203),
         (24, 'SRID=4326;POLYGON((43.80 -79.20, 43.90 -79.20, 43.90 -79.10, 43.80 -79.10, 43.80 -79.20))', 'LC82030282019133LGN01', 'OLI', 0.1, 28, 203),
         (25, 'SRID=4326;POLYGON((43.60 -79.50, 43.65 -79.50, 43.65 -79.45, 43.60 -79.45, 43.60 -79.50))', 'LE07_L1TP_203028', 'ETM', 0.2, 28, 203),
         (26, 'SRID=4326;POLYGON((40 -75, 41 -75, 41 -74, 40 -74, 40 -75))', 'lc82030282019133lgn00', 'OLI_TIRS', 0.15, 29, 203),
         (27, 'SRID=4326;POLYGON((43.70 -79.60, 43.72 -79.60, 43.72 -79.58, 43.70 -79.58, 43.70 -79.60))', 'LC82040282019133LGN00', 'oli', 0.3, 28, 204),
         (28, NULL, 'LC82030282019133LGN00 ', 'TIRS', 0.09, 28, 203),
         (29, 'SRID=4326;POINT(43.7 -79.4)', NULL, 'OLI', NULL, 28, 203),
         (30, 'SRID=4326;POINT(43.7 -79.41)', 'LC82030282019133LGN02', 'OLI', 0.2, 28, 203);

        -- Radarsat scenes (example 8).
        INSERT INTO {schema}.cql2_features (fid, geom, "beamMode", "swathDirection", polarization) VALUES
         (31, 'SRID=4326;POLYGON((-77.1 38.9, -77.0 38.9, -77.0 39.0, -77.1 39.0, -77.1 38.9))', 'ScanSAR Narrow', 'ascending', 'HH+VV+HV+VH'),
         (32, 'SRID=4326;POLYGON((-70 40, -69 40, -69 41, -70 40))', 'ScanSAR Narrow', 'ascending', 'HH+VV+HV+VH'),
         (33, 'SRID=4326;POLYGON((-77.1 38.9, -77.0 38.9, -77.0 39.0, -77.1 39.0, -77.1 38.9))', 'ScanSAR Wide', 'ascending', 'HH+VV+HV+VH'),
         (34, 'SRID=4326;POLYGON((-77.1 38.9, -77.0 38.9, -77.0 39.0, -77.1 39.0, -77.1 38.9))', 'ScanSAR Narrow', 'descending', 'HH+VV+HV+VH'),
         (35, NULL, 'ScanSAR Narrow', 'ascending', 'HH+VV+HV+VH'),
         (36, 'SRID=4326;POINT(-77.0 39.2)', 'ScanSAR Narrow', 'ascending', 'HH+VV+HV+VH'),
         (37, 'SRID=4326;POINT(-77.0 39.2)', 'ScanSAR Narrow', 'ascending', 'HH+VV');

        -- Buildings in Orange County (examples 9 to 21, 23, 25, 70, 71); 42 lies on the edge of the examples' box.
        INSERT INTO {schema}.cql2_features (fid, geom, floors, taxes, owner, swimming_pool, material, built) VALUES
         (38, 'SRID=4326;POINT(-117.95 33.9)', 3, 350, 'Mike Jones', true, 'brick', '2010-05-01'),
         (39, 'SRID=4326;POINT(-117.85 33.9)', 6, 500, 'mike smith', false, 'red brick', '2012-06-05'),
         (40, 'SRID=4326;POINT(-117.99 33.81)', 10, 1200, 'Jane Jones', true, 'concrete', '2015-01-01'),
         (41, 'SRID=4326;POINT(-117.91 33.99)', 5, 500.01, 'Mikel Ortiz', true, 'brick veneer', '2016-03-03'),
         (42, 'SRID=4326;POINT(-118 33.9)', 2, 120, 'Jonesy Mike', NULL, 'brick', '2014-12-31'),
         (43, 'SRID=4326;POLYGON((-117.98 33.85, -117.97 33.85, -117.97 33.86, -117.98 33.86, -117.98 33.85))', 7, NULL, 'Beyoncé', false, 'brick', '2012-06-06'),
         (44, 'SRID=4326;POLYGON((-117.91 33.95, -117.89 33.95, -117.89 33.96, -117.91 33.96, -117.91 33.95))', 8, 499.99, 'Beyonce', true, 'Brick', NULL),
         (45, NULL, 1, 90, 'mike brown', false, 'wood', '1999-09-09'),
         (46, 'SRID=4326;POINT(-117.96 33.95)', NULL, 600, 'BEYONCÉ', true, NULL, '2013-01-01'),
         (47, 'SRID=4326;POINT(-117.97 33.95)', 4, 700, E'Beyonce\u0301', NULL, 'glass', '2011-11-11'),
         (48, 'SRID=4326;POINT(-117.98 33.95)', 12, 800, 'Somebody Else', false, 'steel', '2019-01-01'),
         (49, 'SRID=4326;POINT(-117.99 33.95)', 9, 100, 'SOMEBODY ELSE', NULL, 'brick', '2020-01-01'),
         (50, 'SRID=4326;POINT(-117.5 33.95)', NULL, NULL, 'somebody-else', NULL, NULL, NULL),
         (51, 'SRID=4326;POINT(-117.95 33.85)', 6, 400, 'Nguyễn Văn Đức', false, 'adobe brick', '2012-06-05'),
         (52, 'SRID=4326;POINT(-117.94 33.86)', 2, 300, 'jones', true, 'stone', '2001-01-01');

        -- Surveys (example 28).
        INSERT INTO {schema}.cql2_features (fid, "geophys:SURVEY_NAME") VALUES
         (53, 'CALCUTTA 1962'), (54, 'Survey of Calcutta'), (55, 'calcutta'), (56, 'Kolkata'), (57, 'CALCUTA'), (58, NULL);

        -- Records of the generated examples (29 to 44, 86).
        INSERT INTO {schema}.cql2_features (fid, id, value, name) VALUES
         (59, 'fa7e1920-9107-422d-a3db-c468cbc5d6df', 10, 'foo'),
         (60, 'FA7E1920-9107-422D-A3DB-C468CBC5D6DF', 9.99, 'foobar'),
         (61, 'other', 20, 'Foo'),
         (62, NULL, 20.5, 'barfoo'),
         (63, 'x', 1, 'FOO bar'),
         (64, 'y', 2.0, 'fo'),
         (65, 'z', 3.5, NULL),
         (66, 'w', NULL, 'food'),
         (67, 'v', 15, 'f%o'),
         (68, 'u', -1, 'foo_bar');

        -- Intervals (examples 22, 55 to 67). GeoPackage keeps milliseconds, so no bound is within a millisecond
        -- of a literal's microseconds unless it equals the literal.
        INSERT INTO {schema}.cql2_features (fid, starts_at, ends_at) VALUES
         (69, '2017-06-10T08:00:00Z', '2017-06-11T09:00:00Z'),
         (70, '2017-06-10T07:30:00Z', '2017-06-11T09:00:00Z'),
         (71, '2017-06-10T08:00:00Z', '2017-06-11T10:30:00Z'),
         (72, '2001-01-01T00:00:00Z', '2004-12-31T00:00:00Z'),
         (73, '2000-01-01T00:00:00Z', '2003-01-01T00:00:00Z'),
         (74, '2005-01-10T01:01:01.394Z', '2009-01-01T00:00:00Z'),
         (75, '2005-01-10T01:01:01.392Z', '2006-01-01T00:00:00Z'),
         (76, '1990-01-01T00:00:00Z', '2010-02-10T05:29:20.073225Z'),
         (77, '1995-05-05T00:00:00Z', '2010-02-10T05:29:20.073225Z'),
         (78, '2010-02-10T00:00:00Z', '2011-01-01T00:00:00Z'),
         (79, '1991-10-07T08:21:06.393262Z', '2000-01-01T00:00:00Z'),
         (80, '1991-10-07T08:21:06.393262Z', NULL),
         (81, '1990-01-01T00:00:00Z', '1992-01-01T00:00:00Z'),
         (82, '1985-01-01T00:00:00Z', '1990-01-01T00:00:00Z'),
         (83, '2011-01-01T00:00:00Z', '2012-01-01T00:00:00Z'),
         (84, NULL, NULL),
         (85, '1991-10-07T08:21:06.392Z', '1993-01-01T00:00:00Z'),
         (86, '1991-10-08T00:00:00Z', '2010-02-10T05:29:20.074Z'),
         (87, '1990-06-01T00:00:00Z', '2020-01-01T00:00:00Z'),
         (88, '2005-01-10T00:00:00Z', '2006-01-01T00:00:00Z');

        -- Updates (examples 53, 54, 58).
        INSERT INTO {schema}.cql2_features (fid, updated_at) VALUES
         (89, '1851-04-29T00:00:00Z'), (90, '1851-04-29T12:00:00Z'), (91, '2010-02-10T00:00:00Z'),
         (92, '2010-02-10T00:00:01Z'), (93, '2012-08-10T05:30:00Z'), (94, '2012-08-10T05:29:59.999Z'), (95, NULL);

        -- Shapes on a world scale (examples 24, 45 to 52, 83). 109 is example 46's self-intersecting polygon; 112
        -- example 83's points in another order.
        INSERT INTO {schema}.cql2_features (fid, geom) VALUES
         (96, 'SRID=4326;POINT(5 -5)'),
         (97, 'SRID=4326;POINT(-5 5)'),
         (98, 'SRID=4326;POLYGON((0 0, 10 0, 10 5, 0 5, 0 0))'),
         (99, 'SRID=4326;POLYGON((0 3, 1 3, 1 4, 0 4, 0 3))'),
         (100, 'SRID=4326;POLYGON((-5 -3, -2 -3, -2 0, -5 0, -5 -3))'),
         (101, 'SRID=4326;POINT(-3.508362 -1.754181)'),
         (102, 'SRID=4326;POLYGON((-3.508362 -1.754181, -3 -1.754181, -3 0, -3.508362 0, -3.508362 -1.754181))'),
         (103, 'SRID=4326;POINT(-1.9 -0.99999)'),
         (104, 'SRID=4326;POINT(75.292574 1.5)'),
         (105, 'SRID=4326;POINT(1.5 8.547371)'),
         (106, 'SRID=4326;LINESTRING(-100 0, -100 80)'),
         (107, 'SRID=4326;LINESTRING(-100 50, -90 50)'),
         (108, 'SRID=4326;POLYGON((-110 30, -90 30, -90 50, -110 50, -110 30))'),
         (109, 'SRID=4326;POLYGON((-0.333333 89.0, -102.723546 -0.5, -179.0 -89.0, -1.9 89.0, -0.0 89.0, 2.00001 -1.9, -0.333333 89.0))'),
         (110, 'SRID=4326;POLYGON((-70 -60, 185 -60, 185 5, -70 5, -70 -60))'),
         (111, 'SRID=4326;POLYGON EMPTY'),
         (112, 'SRID=4326;MULTIPOINT((179 -15.333062), (33.470475 -0.99999), (180 0), (179 -47.121701), (180 -0.5))'),
         (113, 'SRID=4326;POLYGON((-20 0, -10 0, -10 10, -20 10, -20 0))');

        CREATE TABLE {schema}.cql2_codes (
          fid integer PRIMARY KEY,
          geom geometry(Point, 4326),
          "landsat:wrs_path" text,
          value text
        );
        INSERT INTO {schema}.cql2_codes VALUES
         (1, 'SRID=4326;POINT(1 1)', '153', 'a'), (2, 'SRID=4326;POINT(2 2)', '154', 'b'), (3, 'SRID=4326;POINT(3 3)', '15X', 'c'),
         (4, 'SRID=4326;POINT(4 4)', '155', 'd'), (5, 'SRID=4326;POINT(5 5)', '153 ', 'A'), (6, NULL, NULL, NULL),
         (7, 'SRID=4326;POINT(7 7)', '1530', 'ab'), (8, 'SRID=4326;POINT(8 8)', '15x', 'c ');

        -- Example 84 compares with a GEOMETRYCOLLECTION; 1 is the example's with its parts in another order, 2 the
        -- same but one point moved. Kept apart from cql2_features so that, should collections break a store's
        -- spatial predicates, they break this example only.
        CREATE TABLE {schema}.cql2_collections (
          fid integer PRIMARY KEY,
          geom geometry(Geometry, 4326)
        );
        INSERT INTO {schema}.cql2_collections VALUES
         (1, 'SRID=4326;GEOMETRYCOLLECTION(POINT(0 -2.00001), POINT(1.9 2.00001), POINT(1.9 0.5), LINESTRING(179 1.179148, -148.192487 -65.007816, 0.5 0.333333), MULTILINESTRING((-2.00001 0, -77.292642 -0.5, -87.515626 0, -180 12.502773, 21.204842 -1.5, -21.878857 -90)))'),
         (2, 'SRID=4326;GEOMETRYCOLLECTION(POINT(0 -2.00001), POINT(1.9 2.00001), POINT(1.9 0.6), LINESTRING(179 1.179148, -148.192487 -65.007816, 0.5 0.333333), MULTILINESTRING((-2.00001 0, -77.292642 -0.5, -87.515626 0, -180 12.502773, 21.204842 -1.5, -21.878857 -90)))'),
         (3, 'SRID=4326;POLYGON((0 0, 1 0, 1 1, 0 0))'),
         (4, NULL);
        ANALYZE {schema}.cql2_features;
        ANALYZE {schema}.cql2_codes;
        ANALYZE {schema}.cql2_collections;
        """;

    /// <summary>
    /// The test database as a GDAL "PG:" data source that lists only <paramref name="schema"/>'s tables, under
    /// their bare names, in UTF-8.
    /// </summary>
    public static string GdalDataSource(string connectionString, string schema)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        var parts = new List<string>
        {
            Pair("host", npgsql.Host ?? "127.0.0.1"),
            Pair("port", npgsql.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Pair("dbname", npgsql.Database ?? ""),
            Pair("user", npgsql.Username ?? ""),
            Pair("client_encoding", "UTF8"),
            Pair("schemas", schema),
        };
        if (!string.IsNullOrEmpty(npgsql.Password)) parts.Add(Pair("password", npgsql.Password));
        return "PG:" + string.Join(' ', parts);

        // libpq's conninfo syntax: single quotes, with backslash escaping quotes and backslashes.
        static string Pair(string key, string value) =>
            $"{key}='{value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal)}'";
    }
}
