"""Real-format export files built from invented records, and Excel's re-saved variants.

Each product's column set follows its documentation and public examples (Shopify's orders
export and Sales by discount report, WooCommerce Analytics → Orders and the Customer / Order /
Coupon Export orders CSV, Square's transactions export, Etsy's EtsySoldOrders, GA4's report
downloads, Meta Business Suite's per-day account insights, TikTok Studio's Overview and
Follower History, YouTube Studio's Chart data). The tests work out expected totals from
the records here, never by reading a file back with the app's parser.
``python -m tests.kpis.exports`` writes the files under samples/: one module per kind of
product (orders, analytics, social), and writing.py for how a file is written and re-saved.
"""

from collections.abc import Callable

from .analytics import (
    GA4_NAMES,
    VISITS,
    Visits,
    _ga4,
    ga4_preamble,
    ga4_source_by_date,
    influencer_visits,
)
from .orders import (
    DISCOUNT_SALES,
    ETSY_HEADER,
    ORDERS,
    SHOPIFY_DISCOUNTS_HEADER,
    SHOPIFY_HEADER,
    SQUARE_HEADER,
    WOO_ANALYTICS_HEADER,
    WOO_STATUS,
    DiscountSales,
    Order,
    counted_discount_sales,
    counted_revenue,
    etsy,
    shopify,
    shopify_discounts,
    square,
    woocommerce_analytics,
)
from .social import (
    ACCOUNT_DAYS,
    INSTAGRAM_HEADER,
    POSTS,
    TIKTOK_WRITES,
    AccountDay,
    SocialPost,
    counted_days,
    counted_interactions,
    instagram,
    meta_days,
    meta_file,
    tiktok_followers,
    tiktok_overview,
    youtube_chart,
)
from .writing import CAMPAIGN_END, CAMPAIGN_START, PARTNERS, SAMPLES, VARIANTS, render

FILES: dict[str, Callable[[], bytes]] = {
    "shopify_orders_line_items.csv": lambda: render(*shopify()),
    "woocommerce_analytics_orders.csv": lambda: render(*woocommerce_analytics()),
    "square_transactions.csv": lambda: render(*square()),
    "etsy_sold_orders.csv": lambda: render(*etsy()),
    "shopify_sales_by_discount_by_day.csv": lambda: render(*shopify_discounts()),
    "shopify_sales_by_discount.csv": lambda: render(*shopify_discounts(by_day=False)),
    "ga4_source_medium_by_date.csv": lambda: _ga4("en", "plain"),
    "ga4_source_medium_by_date_fr_excel.csv": lambda: _ga4("fr", "semicolon"),
    "ga4_source_medium_by_date_de_unicode.txt": lambda: _ga4("de", "utf16"),
    "ga4_source_medium_by_date_es.csv": lambda: _ga4("es", "bom"),
    "shopify_orders_excel_windows.csv": lambda: render(*shopify(), variant="cp1252"),
    "instagram_posts_meta_business_suite.csv": lambda: render(*instagram(), variant="utf16"),
    "meta_instagram_reach_per_day.csv": meta_file,
    "meta_content_interactions_per_day.csv": lambda: meta_file("interactions"),
    "tiktok_studio_overview.csv": lambda: render(*tiktok_overview(), **TIKTOK_WRITES),
    "tiktok_studio_follower_history.csv": lambda: render(*tiktok_followers(), **TIKTOK_WRITES),
    "youtube_studio_chart_data.csv": lambda: render(*youtube_chart()),
}

__all__ = [
    "ACCOUNT_DAYS",
    "AccountDay",
    "CAMPAIGN_END",
    "CAMPAIGN_START",
    "DISCOUNT_SALES",
    "DiscountSales",
    "ETSY_HEADER",
    "FILES",
    "GA4_NAMES",
    "INSTAGRAM_HEADER",
    "ORDERS",
    "Order",
    "PARTNERS",
    "POSTS",
    "SAMPLES",
    "SHOPIFY_DISCOUNTS_HEADER",
    "SHOPIFY_HEADER",
    "SQUARE_HEADER",
    "SocialPost",
    "TIKTOK_WRITES",
    "VARIANTS",
    "VISITS",
    "Visits",
    "WOO_ANALYTICS_HEADER",
    "WOO_STATUS",
    "counted_days",
    "counted_discount_sales",
    "counted_interactions",
    "counted_revenue",
    "etsy",
    "ga4_preamble",
    "ga4_source_by_date",
    "influencer_visits",
    "instagram",
    "meta_days",
    "meta_file",
    "render",
    "shopify",
    "shopify_discounts",
    "square",
    "tiktok_followers",
    "tiktok_overview",
    "woocommerce_analytics",
    "youtube_chart",
]
