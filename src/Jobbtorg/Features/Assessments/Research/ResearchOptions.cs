using System.Text;

namespace Jobbtorg.Features.Assessments.Research;

/// <summary>Settings of the research extract (<c>Jobbtorg:Research</c>).</summary>
public sealed class ResearchOptions
{
    public const string Section = "Jobbtorg:Research";
    public const int MinKeyBytes = 32;

    /// <summary>The secret the pseudonyms are made with (HMAC-SHA256 of the personal number): the same key gives the same
    /// pseudonym in every extract; without it a pseudonym cannot be traced back. At least 32 bytes (UTF-8), e.g. the
    /// output of <c>openssl rand -base64 48</c>. Required outside Development; keep it out of the research group's reach.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Used in Development when no key is configured; never outside it.</summary>
    internal const string DevelopmentKey = "development-only-research-pseudonym-key-not-secret";

    public byte[] KeyBytes => Encoding.UTF8.GetBytes(string.IsNullOrEmpty(PseudonymKey) ? DevelopmentKey : PseudonymKey);

    public bool IsValidIn(IHostEnvironment environment) =>
        string.IsNullOrEmpty(PseudonymKey) ? environment.IsDevelopment() : Encoding.UTF8.GetByteCount(PseudonymKey) >= MinKeyBytes;
}
