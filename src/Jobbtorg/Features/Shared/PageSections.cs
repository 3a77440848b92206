using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Shared;

/// <summary>Where a feature's section stands: beside the case's own cards, full width below them, or on the start page.</summary>
public enum SectionPlace { CaseSummary, CaseDetail, StartPage }

/// <summary>A feature's section on a page: a view component, placed by <see cref="Order"/>. A case section's component takes
/// the case (<c>InvokeAsync(Case @case)</c>), a start-page section's takes nothing. Each decides for itself, from the
/// user's permissions, whether it shows anything, and posts to its own feature's pages or endpoints.</summary>
public sealed record PageSection(SectionPlace Place, int Order, Type Component);

/// <summary>The sections the features registered, in order, for the case page and the start page to invoke in a loop.</summary>
public sealed class PageSections(IEnumerable<PageSection> sections)
{
    private readonly IReadOnlyList<PageSection> all = sections.OrderBy(s => s.Order).ToList();

    public IEnumerable<Type> At(SectionPlace place) => all.Where(s => s.Place == place).Select(s => s.Component);
}

public static class PageSectionRegistration
{
    public static IServiceCollection AddSection<TComponent>(this IServiceCollection services, SectionPlace place, int order)
        where TComponent : ViewComponent =>
        services.AddSingleton(new PageSection(place, order, typeof(TComponent)));
}
