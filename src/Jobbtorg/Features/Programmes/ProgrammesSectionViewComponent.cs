using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Programmes;

/// <summary>Start page: the way to the special programmes and their report, for those who read either (the menu has no
/// room for them on a laptop).</summary>
public sealed class ProgrammesSectionViewComponent(CurrentUser user) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var programmes = user.Holds(Permission.ReadProgrammes);
        var report = user.Holds(Permission.ReadReports) && !user.Access.IsApiKey;
        return programmes || report
            ? View("/Features/Programmes/_ProgrammesSection.cshtml", (programmes, report))
            : Content("");
    }
}
