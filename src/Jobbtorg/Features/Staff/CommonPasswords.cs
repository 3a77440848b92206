using System.Text;

namespace Jobbtorg.Features.Staff;

/// <summary>The most common passwords of twelve characters or more (see Passwords/README.md), folded as
/// <see cref="PasswordRules.Fold"/> does. Read once, on first use.</summary>
public sealed class CommonPasswords
{
    public const string ResourceName = "Jobbtorg.Features.Staff.Passwords.common-passwords.txt";

    private readonly Lazy<HashSet<string>> list = new(Load);

    public int Count => list.Value.Count;

    /// <summary>Whether the folded password is on the list.</summary>
    public bool Contains(string folded) => list.Value.Contains(folded);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common-password list {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(PasswordRules.Fold(line));
        return set;
    }
}
