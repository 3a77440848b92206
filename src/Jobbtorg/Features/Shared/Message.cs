using System.Collections;
using System.Globalization;

namespace Jobbtorg.Features.Shared;

/// <summary>English copy with its arguments. The template is the translation key; the message is put into the reader's
/// language only where it is shown (a problem answer, a form error, the import's answer).</summary>
public sealed record Message(string Template, params object?[] Args)
{
    /// <summary>The English text, as it would be shown without translation (for logs, exceptions and tests).</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, Args.Select(a => Shown(a, m => m.ToString())).ToArray());

    /// <summary>An argument as a message shows it: dates written yyyy-MM-dd, instants in Stockholm time (yyyy-MM-dd HH:mm),
    /// nothing as "–", a message within a
    /// message by <paramref name="message"/> (in the reader's language where it is translated).</summary>
    public static object Shown(object? arg, Func<Message, string> message) => arg switch
    {
        Message m => message(m),
        DateOnly d => Shown(d),
        DateTimeOffset instant => Shown(instant),
        null => "–",
        _ => arg,
    };

    /// <summary>Dates are written the Swedish way in both languages: 2024-05-07.</summary>
    public static string Shown(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Shown(DateTimeOffset instant) => instant.ToStockholm().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Which inputs were refused and why, as messages. <see cref="Refuse"/> gives a field one message (a later
/// rule on the same field replaces an earlier one); <see cref="Add"/> keeps every message a field gets.</summary>
public sealed class FieldErrors : IEnumerable<KeyValuePair<string, IReadOnlyList<Message>>>
{
    private readonly Dictionary<string, List<Message>> byField = new(StringComparer.Ordinal);

    public int Count => byField.Count;

    public bool Has(string field) => byField.ContainsKey(field);

    public FieldErrors Refuse(string field, string template, params object?[] args) => Refuse(field, new Message(template, args));

    public FieldErrors Refuse(string field, Message message)
    {
        byField[field] = [message];
        return this;
    }

    public FieldErrors Add(string field, Message message)
    {
        if (byField.TryGetValue(field, out var held)) held.Add(message);
        else byField[field] = [message];
        return this;
    }

    /// <summary>Every error of <paramref name="other"/>, each field's name after <paramref name="prefix"/>.</summary>
    public FieldErrors AddAll(FieldErrors other, string prefix = "")
    {
        foreach (var (field, messages) in other)
            foreach (var message in messages) Add(prefix + field, message);
        return this;
    }

    /// <summary>The broken rules, one message a field (the last rule given for it).</summary>
    public static FieldErrors From(IEnumerable<BrokenRule> rules)
    {
        var errors = new FieldErrors();
        foreach (var rule in rules) errors.Refuse(rule.Field, rule.Template, rule.Args);
        return errors;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<Message>>> GetEnumerator() =>
        byField.Select(e => KeyValuePair.Create(e.Key, (IReadOnlyList<Message>)e.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
