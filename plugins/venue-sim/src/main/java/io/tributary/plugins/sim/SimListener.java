package io.tributary.plugins.sim;

import io.tributary.api.market.Quote;
import io.tributary.api.market.RegimeChange;
import io.tributary.api.market.Trade;

/** Receives what {@link SimMarket} generates; {@code index} is {@code venue * symbols + symbol}. */
interface SimListener {

    void onQuote(int index, Quote quote);

    void onTrade(int index, Trade trade);

    void onRegimeChange(int symbol, RegimeChange change);
}
