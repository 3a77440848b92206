using System.ComponentModel.DataAnnotations;

namespace Jobbtorg.Features.Shared;

/// <summary>`Jobbtorg:PublicUrl` (a setting directly under `Jobbtorg`): the address people reach the app at, e.g.
/// https://jobbtorg.stockholm.se. Its host makes calendar entries' UIDs unique; without it the request's host is used.</summary>
public sealed class PublicUrlOptions : IValidatableObject
{
    public Uri? PublicUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || url.Host.Length == 0))
            yield return new ValidationResult("Jobbtorg:PublicUrl must be an absolute http or https address, e.g. https://jobbtorg.stockholm.se.",
                [nameof(PublicUrl)]);
    }
}
