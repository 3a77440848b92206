using System.Globalization;
using System.Text.Json;

namespace Jobbtorg.Features.Shared;

/// <summary>
/// The UI's words. Copy is written in English in code and views; Swedish (the default) comes from each feature's
/// sv.json (Features/&lt;feature&gt;/sv.json, words several features use in Features/Shared/sv.json), keyed by the
/// English text. Enumeration labels are keyed "Type.Member" and have English labels in the en.json beside them.
/// The files are embedded and merged at start; a key defined in two files stops the start.
/// A counted message (e.g. {0} open cases, given a <see cref="Counted"/> argument) has two forms in both languages: the
/// plural under its key and the singular under the key with "#one" (e.g. {0} open cases#one; English singulars in en.json).
/// Which form a number takes is decided here, in <see cref="Template(long, string)"/>, never in a view.
/// </summary>
public sealed class Texts
{
    public static readonly CultureInfo Swedish = new("sv-SE");
    public static readonly CultureInfo English = new("en-GB");

    private readonly Dictionary<string, string> swedish = Load("sv");
    private readonly Dictionary<string, string> english = Load("en");

    public static bool IsSwedish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";

    public string this[string text] =>
        (IsSwedish ? swedish : english).TryGetValue(text, out var translated) ? translated
        : english.TryGetValue(text, out var fallback) ? fallback
        : text;

    /// <summary>The key suffix of a counted message's singular form.</summary>
    public const string OneSuffix = "#one";

    /// <summary>The text in the reader's language with its arguments put in; a counted message in the form its
    /// <see cref="Counted"/> argument takes.</summary>
    public string Format(string text, params object?[] args)
    {
        var template = args.FirstOrDefault(a => a is Counted) is Counted counted ? Template(counted.Value, text) : this[text];
        return string.Format(CultureInfo.CurrentCulture, template, args.Select(a => Message.Shown(a, Format)).ToArray());
    }

    /// <summary>A counted message with the number as its only argument: <c>T.Count(n, text)</c>.</summary>
    public string Count(long count, string text) => Format(text, new Counted(count));

    /// <summary>The form of a counted message that <paramref name="count"/> takes, in the reader's language, before its
    /// arguments are put in: the singular for one, the plural for any other number (Swedish and English count alike).</summary>
    public string Template(long count, string text)
    {
        if (!IsOne(count)) return this[text];
        var key = text + OneSuffix;
        return (IsSwedish ? swedish : english).TryGetValue(key, out var singular) ? singular
            : english.TryGetValue(key, out var fallback) ? fallback
            : this[text];
    }

    private static bool IsOne(long count) => count is 1 or -1;

    public string Format(Message message) => Format(message.Template, message.Args);

    /// <summary>Each field's messages in the reader's language, as a validation problem or a form shows them.</summary>
    public Dictionary<string, string[]> Errors(FieldErrors errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(Format).ToArray(), StringComparer.Ordinal);

    public string Enum<T>(T value) where T : struct, System.Enum => this[$"{typeof(T).Name}.{value}"];

    public string Enum<T>(T? value) where T : struct, System.Enum => value is { } v ? Enum(v) : "–";

    /// <summary>Dates are written the Swedish way in both languages: 2024-05-07.</summary>
    public static string Date(DateOnly? date) => date is { } d ? Message.Shown(d) : "–";

    public static string Instant(DateTimeOffset instant) => Message.Shown(instant);

    /// <summary>An appointment as a person reads it, in Stockholm time: "tisdag 1 december 2026 kl. 09:30".</summary>
    public static string Appointment(DateTimeOffset instant) => IsSwedish
        ? instant.ToStockholm().ToString("dddd d MMMM yyyy 'kl.' HH:mm", Swedish)
        : instant.ToStockholm().ToString("dddd d MMMM yyyy 'at' HH:mm", English);

    /// <summary>Every feature's translations in one language, merged.</summary>
    internal static Dictionary<string, string> Load(string language)
    {
        var assembly = typeof(Texts).Assembly;
        var suffix = $".{language}.json";
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var definedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith("Jobbtorg.Features.", StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
            {
                // Two features translating one text could disagree; one of them would win unnoticed.
                if (!definedIn.TryAdd(key, resource))
                    throw new InvalidOperationException($"The text \"{key}\" is translated in both {definedIn[key]} and {resource}.");
                merged[key] = value;
            }
        }
        return merged;
    }
}
