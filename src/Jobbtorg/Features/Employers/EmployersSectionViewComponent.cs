using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Employers;

/// <summary>Start page, for administrators: the way to the employers and vacancies, which their menu has no room for on a
/// laptop (everyone else who reads them has the menu item).</summary>
public sealed class EmployersSectionViewComponent(CurrentUser user) : ViewComponent
{
    public IViewComponentResult Invoke() =>
        user.Holds(Permission.ReadEmployers) && user.IsInRole(Roles.Administrator)
            ? View("/Features/Employers/_EmployersSection.cshtml")
            : Content("");
}
