using System.Xml.Linq;
using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;
using static GeoServer.Tiles.Styles.SldXml;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// Walks one SLD/SE document: StyledLayerDescriptor → NamedLayer/UserLayer → UserStyle → FeatureTypeStyle → Rule
/// (a UserStyle or FeatureTypeStyle may also be the root), collecting warnings as it goes.
/// </summary>
internal sealed class SldReader(FeatureSchema? schema)
{
    private readonly List<string> _warnings = [];
    private readonly SldFilterReader _filters = new(schema);

    public IReadOnlyList<string> Warnings => _warnings;

    public List<Style> Read(XElement root)
    {
        var styles = new List<Style>();
        switch (root.Name.LocalName)
        {
            case "StyledLayerDescriptor":
                foreach (var layer in root.Elements())
                {
                    if (layer.Name.LocalName is not ("NamedLayer" or "UserLayer"))
                    {
                        if (layer.Name.LocalName is not ("Name" or "Title" or "Abstract" or "Description"))
                            _warnings.Add($"{Describe(layer)} in the StyledLayerDescriptor is not supported and was ignored.");
                        continue;
                    }
                    var layerName = ChildText(layer, "Name");
                    foreach (var child in layer.Elements())
                    {
                        if (child.Name.LocalName == "UserStyle") styles.Add(ReadStyle(child, layerName, styles.Count));
                        else if (child.Name.LocalName == "NamedStyle")
                            _warnings.Add($"{Describe(child)} '{ChildText(child, "Name")}' refers to a style kept elsewhere; only UserStyles are imported.");
                        else if (child.Name.LocalName is "LayerFeatureConstraints" or "InlineFeature" or "RemoteOWS")
                            _warnings.Add($"{Describe(child)} of layer '{layerName}' is not supported and was ignored.");
                    }
                }
                break;
            case "UserStyle":
                styles.Add(ReadStyle(root, null, 0));
                break;
            case "FeatureTypeStyle" or "CoverageStyle":
                styles.Add(ReadStyle(new XElement("UserStyle", root), null, 0));
                break;
            default:
                throw new StyleException($"The document's root is <{root.Name.LocalName}>, not an SLD <StyledLayerDescriptor>, <UserStyle> or <FeatureTypeStyle>.");
        }
        if (styles.Count == 0)
            throw new StyleException("The SLD holds no UserStyle to import.");
        return styles;
    }

    private Style ReadStyle(XElement userStyle, string? layerName, int index)
    {
        var name = ChildText(userStyle, "Name") ?? layerName ?? $"style-{index + 1}";
        var description = Child(userStyle, "Description");
        var title = ChildText(userStyle, "Title") ?? (description is null ? null : ChildText(description, "Title"));
        var @abstract = ChildText(userStyle, "Abstract") ?? (description is null ? null : ChildText(description, "Abstract"));
        var featureTypeStyles = userStyle.Elements().Where(e => e.Name.LocalName is "FeatureTypeStyle" or "CoverageStyle").ToList();
        if (featureTypeStyles.Count > 1)
            _warnings.Add($"Style '{name}' has {featureTypeStyles.Count} FeatureTypeStyles; their rules were merged into one list in order, so an ElseFilter now considers the rules of all of them.");
        var rules = new List<StyleRule>();
        foreach (var fts in featureTypeStyles)
        {
            if (fts.Name.LocalName == "CoverageStyle")
            {
                _warnings.Add($"Style '{name}': {Describe(fts)} styles rasters, which this importer does not support; ignored.");
                continue;
            }
            foreach (var child in fts.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "Rule":
                        if (ReadRule(child, name, rules.Count) is { } rule) rules.Add(rule);
                        break;
                    case "Name" or "Title" or "Abstract" or "Description" or "FeatureTypeName" or "SemanticTypeIdentifier" or "Version":
                        break;
                    default:
                        _warnings.Add($"Style '{name}': {Describe(child)} of the FeatureTypeStyle is not supported and was ignored.");
                        break;
                }
            }
        }
        return new Style { Name = name, Title = title, Abstract = @abstract, Rules = rules };
    }

    private StyleRule? ReadRule(XElement rule, string styleName, int index)
    {
        var description = Child(rule, "Description");
        var name = ChildText(rule, "Name");
        var title = ChildText(rule, "Title") ?? (description is null ? null : ChildText(description, "Title"));
        var where = $"Style '{styleName}', rule '{name ?? title ?? "#" + (index + 1)}'";
        string? filter = null;
        bool isElse = false;
        double? min = null, max = null;
        var symbolizers = new List<Symbolizer>();
        var symbolizerReader = new SldSymbolizerReader(_warnings, where);
        foreach (var child in rule.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "Name" or "Title" or "Abstract" or "Description":
                    break;
                case "Filter":
                    if (!_filters.TryRead(child, out var expression, out var problem))
                    {
                        _warnings.Add($"{where} was skipped: its filter {problem}; drawing it for every feature would misrepresent the data.");
                        return null;
                    }
                    filter = CqlTextWriter.Write(expression!);
                    break;
                case "ElseFilter":
                    isElse = true;
                    break;
                case "MinScaleDenominator":
                    min = ScaleDenominator(child, where);
                    break;
                case "MaxScaleDenominator":
                    max = ScaleDenominator(child, where);
                    break;
                case "LegendGraphic":
                    _warnings.Add($"{where}: {Describe(child)} is not used; legends are drawn from the symbolizers.");
                    break;
                default:
                    if (symbolizerReader.Read(child) is { } symbolizer) symbolizers.Add(symbolizer);
                    break;
            }
        }
        if (isElse && filter is not null)
        {
            _warnings.Add($"{where} has both a Filter and an ElseFilter; the ElseFilter was kept.");
            filter = null;
        }
        return new StyleRule
        {
            Name = name,
            Title = title,
            Filter = filter,
            ElseFilter = isElse,
            MinScaleDenominator = min,
            MaxScaleDenominator = max,
            Symbolizers = symbolizers,
        };
    }

    private double? ScaleDenominator(XElement e, string where)
    {
        if (Number(e.Value.Trim()) is { } value && value >= 0) return value;
        _warnings.Add($"{where}: {Describe(e)} '{e.Value.Trim()}' is not a scale denominator and was ignored.");
        return null;
    }
}
