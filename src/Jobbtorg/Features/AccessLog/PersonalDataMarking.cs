namespace Jobbtorg.Features.AccessLog;

/// <summary>
/// The endpoint (a page model or an API endpoint) shows or changes a person's data: every request to it that succeeds
/// writes one access-log entry. When <see cref="CaseRoute"/> names a route value, that value is the case's id: the entry
/// names the case and its person, and a staff member's read of a case outside their own caseload asks for a reason first.
/// Without it the entry names the case only when the handler tells <see cref="AccessLogContext"/>; a list of many people
/// is logged once with no single person.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ShowsPersonalDataAttribute : Attribute
{
    /// <summary>The route value holding the case's id, if the endpoint is about one case.</summary>
    public string? CaseRoute { get; init; }

    private readonly AccessKind? _kind;

    /// <summary>The kind of access when it is not read (GET) or change (any other method): an export or a register extract.</summary>
    public AccessKind Kind { get => _kind ?? AccessKind.Read; init => _kind = value; }

    /// <summary>The kind named by <see cref="Kind"/>, or null when the request's method decides.</summary>
    public AccessKind? NamedKind => _kind;

    /// <summary>The page loads the route's case itself (<see cref="Cases.CasePageModel"/>) and names it on the entry then, so
    /// that the case is not read twice per request: the case page is the most read page of all.</summary>
    public bool CaseLoadedByPage { get; init; }

    /// <summary>Only changes are logged: the page's GET shows an empty form (a new referral, an import) and no one's data.</summary>
    public bool ChangesOnly { get; init; }
}

/// <summary>The endpoint shows and changes no person's data (sign-in, reference data, aggregate reports): it is not logged.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NoPersonalDataAttribute : Attribute;

public static class PersonalDataMarking
{
    /// <summary>Marks a minimal-API endpoint or group as showing or changing a person's data.</summary>
    public static TBuilder ShowsPersonalData<TBuilder>(this TBuilder builder, string? caseRoute = null, AccessKind? kind = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(kind is { } named
            ? new ShowsPersonalDataAttribute { CaseRoute = caseRoute, Kind = named }
            : new ShowsPersonalDataAttribute { CaseRoute = caseRoute });

    /// <summary>Marks a minimal-API endpoint or group as showing no person's data.</summary>
    public static TBuilder NoPersonalData<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoPersonalDataAttribute());
}
