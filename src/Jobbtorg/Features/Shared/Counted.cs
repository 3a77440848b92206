using System.Globalization;

namespace Jobbtorg.Features.Shared;

/// <summary>A number that a message counts things by (e.g. {0} open cases). Given among a message's arguments, it makes
/// <see cref="Texts"/> choose the message's form for that number: the singular kept under the key with
/// <see cref="Texts.OneSuffix"/> (e.g. {0} open cases#one: {0} öppet ärende) or the plural under the key itself. A message
/// carries one count; it is shown as the number.</summary>
public readonly record struct Counted(long Value) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
